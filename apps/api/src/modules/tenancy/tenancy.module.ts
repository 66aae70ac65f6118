import type { OperationScopes } from '../../platform/database/operation-scope.js';
import { defineModule } from '../../platform/modules/api-module.js';
import type { SessionService } from '../auth/index.js';
import { Agency } from './entities/agency.entity.js';
import { AgencyMembership } from './entities/agency-membership.entity.js';
import { Invitation } from './entities/invitation.entity.js';
import { Membership } from './entities/membership.entity.js';
import { Tenant } from './entities/tenant.entity.js';
import { InvitationService } from './invitation.service.js';
import { MemberService } from './member.service.js';
import { TenancyResolver } from './tenancy.resolver.js';
import { TenancyService } from './tenancy.service.js';

/** Agencies, their tenants, members and invitations. */
export const tenancyModule = defineModule({
  name: 'tenancy',
  entities: [Agency, Tenant, AgencyMembership, Membership, Invitation],
  resolvers: [TenancyResolver],
  build: ({ scopes, sessions }: { scopes: OperationScopes; sessions: SessionService }) => ({
    resolvers: [
      new TenancyResolver(
        new TenancyService(),
        new MemberService(),
        new InvitationService(scopes, sessions),
      ),
    ],
    offers: {},
  }),
});
