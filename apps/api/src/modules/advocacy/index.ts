// What advocacy offers: the module (its upkeep step and referral import come through its
// offers), and the advocates and referrals of many tenants at once, for the agency's report.

export { advocacyModule } from './advocacy.module.js';
export { advocacyCounts } from './advocates-by-tenant.js';
