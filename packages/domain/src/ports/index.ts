export * from './gateway.js';
export * from './repositories.js';
export * from './runtime.js';
