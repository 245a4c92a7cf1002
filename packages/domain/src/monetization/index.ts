export * from './bands.js';
export * from './periods.js';
export * from './plan-history.js';
export * from './rating.js';
export * from './run-charges.js';
