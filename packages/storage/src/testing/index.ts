/** Test support: stores on every backend, thrown away after each test. Not for production code. */
export * from './backends.js';
