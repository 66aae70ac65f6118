// What the customer scores offer: the module (its upkeep steps come through its offers).

export { customerScoresModule } from './customer-scores.module.js';
export { CUSTOMER_SCORES_QUEUES } from './customer-scores-queues.js';
