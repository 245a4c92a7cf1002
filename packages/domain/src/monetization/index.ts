export * from './bands.js';
export * from './periods.js';
export * from './rating.js';
