export * from './aggregate.js';
export * from './dimensions.js';
export * from './rollup-builder.js';
export * from './sketch.js';
