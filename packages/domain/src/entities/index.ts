export * from './client.js';
export * from './common.js';
export * from './organization.js';
export * from './policy-type.js';
export * from './product.js';
export * from './project.js';
export * from './server-group.js';
export * from './subscription.js';
