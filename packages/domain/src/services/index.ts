export * from './all.js';
export * from './clients.js';
export * from './context.js';
export * from './organizations.js';
export * from './products.js';
export * from './projects.js';
export * from './server-groups.js';
export * from './subscriptions.js';
