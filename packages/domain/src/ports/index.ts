export * from './analytics.js';
export * from './audit.js';
export * from './auth.js';
export * from './gateway.js';
export * from './policy-types.js';
export * from './repositories.js';
export * from './runtime.js';
export * from './traces.js';
