// What the lifecycle offers: its module (the upkeep step comes through its offers).

export { lifecycleModule } from './lifecycle.module.js';
export { LIFECYCLE_QUEUES } from './lifecycle-queues.js';
