// Public surface of the domain package: one re-export per area.
export * from './clv/index.js';
export * from './contact-merge/index.js';
export * from './influence/index.js';
export * from './lifecycle/index.js';
export * from './listening/index.js';
export * from './maturity/index.js';
export * from './measurement/index.js';
export * from './rfm/index.js';
export * from './segments/index.js';
export * from './sentiment/index.js';
export * from './text/index.js';
