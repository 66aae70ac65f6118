import type { RequestContext } from '../../platform/context/request-context.js';
import type { Operation, OperationScopes } from '../../platform/database/operation-scope.js';
import { forbidden, unauthenticated } from '../../platform/errors/app-error.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import { agencyOfStaff, type TenantType } from '../tenancy/index.js';
import {
  type AgencyOverview,
  MAX_OVERVIEW_TENANTS,
  type TenantOverview,
} from './agency-overview.type.js';
import type { MentionStatsService } from './mention-stats.service.js';
import { type StatsPeriod, type StatsPeriodInput, statsPeriodSchema } from './stats-period.js';

/** Enough tenants at once to hide round trips, few enough to leave the pool to other callers. */
const TENANTS_AT_ONCE = 4;

/**
 * The agency home: each tenant of an agency the caller is staff of, measured in an operation
 * of its own opened as the caller in that tenant, so that tenant's row policies apply. None
 * of these operations waits for a connection while holding one: the caller's own operation
 * is never opened.
 */
export class AgencyOverviewService {
  constructor(
    private readonly scopes: OperationScopes,
    private readonly stats: MentionStatsService,
  ) {}

  async overview(
    op: Operation,
    agencyIdInput: string,
    periodInput: StatsPeriodInput,
  ): Promise<AgencyOverview> {
    const { request } = op;
    if (request.principal.kind === 'anonymous') throw unauthenticated();
    // An API key acts in its own tenant whatever tenant is asked for: agencies are for users.
    if (request.principal.kind !== 'user') throw forbidden('Only users reach an agency');
    const agencyId = requireId(agencyIdInput, 'agencyId');
    const period = parseInput(statsPeriodSchema, periodInput, 'period');
    const staff = await this.scopes.run({ ...request, requestedTenantId: null }, (listing) =>
      agencyOfStaff(listing, agencyId, MAX_OVERVIEW_TENANTS),
    );
    const tenants = await inBatches(staff.tenants, TENANTS_AT_ONCE, (tenant) =>
      this.tenantOverview(request, tenant, period),
    );
    return { agency: staff.agency, tenantCount: staff.tenantCount, tenants };
  }

  private tenantOverview(
    request: RequestContext,
    tenant: TenantType,
    period: StatsPeriod,
  ): Promise<TenantOverview> {
    return this.scopes.run({ ...request, requestedTenantId: tenant.id }, async (op) => {
      // Admitted in exactly this tenant, or not at all (access lost since the listing).
      if ((await op.tenantId()) !== tenant.id) throw forbidden('No access to this tenant');
      const headline = await this.stats.headline(op, period, {});
      return {
        tenant,
        mentions: headline.mentions,
        netSentiment: headline.netSentiment,
        ownShareByMentions: headline.ownShareByMentions,
        trend: headline.volume,
      };
    });
  }
}

/** `work` over `items`, at most `size` at a time, results in the order of `items`. */
async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  }
  return results;
}
