// What the tenancy module offers the others: agencies and tenants as their staff see them.
export { agencyOfStaff, type StaffAgency } from './agency-staff.js';
export { tenancyModule } from './tenancy.module.js';
export { AgencyType, TenantType } from './tenancy.types.js';
