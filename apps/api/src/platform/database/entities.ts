import { ApiKey } from '../../modules/api-keys/api-key.entity.js';
import { RefreshToken } from '../../modules/auth/refresh-token.entity.js';
import { TrackedBrand } from '../../modules/brands/tracked-brand.entity.js';
import { Agency } from '../../modules/tenancy/entities/agency.entity.js';
import { AgencyMembership } from '../../modules/tenancy/entities/agency-membership.entity.js';
import { AppUser } from '../../modules/tenancy/entities/app-user.entity.js';
import { Invitation } from '../../modules/tenancy/entities/invitation.entity.js';
import { Membership } from '../../modules/tenancy/entities/membership.entity.js';
import { Tenant } from '../../modules/tenancy/entities/tenant.entity.js';

/** Every entity, listed explicitly (no globs: they break under ESM bundling and runners). */
export const entities = [
  Agency,
  Tenant,
  AppUser,
  AgencyMembership,
  Membership,
  RefreshToken,
  Invitation,
  ApiKey,
  TrackedBrand,
];
