// What the orders module offers the others: its import targets (ORDERS, ENGAGEMENT_EVENTS).

export type { EngagementWriter } from './engagement-writer.js';
export type { OrderWriter } from './order-writer.js';
export { ordersModule } from './orders.module.js';
