/**
 * @tollgate/domain: entities (TypeBox schemas and types), the error catalogue, ports and the
 * use-case services. No I/O and no Node.js imports: adapters come in through the ports.
 */
export * from './analytics/index.js';
export * from './entities/index.js';
export * from './errors/index.js';
export * from './monetization/index.js';
export * from './ports/index.js';
export * from './services/index.js';
