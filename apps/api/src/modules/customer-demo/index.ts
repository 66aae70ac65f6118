// What the customer-demo module offers: the demo tenants' customers, seeded by main.ts.

export { DemoCustomers, type DemoCustomerTenant, type DemoTargets } from './demo-customers.js';
