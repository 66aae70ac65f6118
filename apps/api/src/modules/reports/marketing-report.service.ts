import type { Operation, OperationScopes } from '../../platform/database/operation-scope.js';
import { forbidden, unauthenticated } from '../../platform/errors/app-error.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import { admitAgency } from './agency-scope.js';
import type { AgencyMarketingReport, MarketingReport } from './marketing-report.type.js';
import { sumCounts } from './measures/period-counts.js';
import { readCounts, reportingCurrencies } from './measures/read-counts.js';
import { marketingReport } from './report-figures.js';
import { type ReportPeriodInput, reportPeriodSchema, withPreviousPeriod } from './report-period.js';

/** The marketing report of the active tenant, and of every tenant of an agency side by side. */
export class MarketingReportService {
  constructor(private readonly scopes: OperationScopes) {}

  async report(op: Operation, periodInput: ReportPeriodInput): Promise<MarketingReport> {
    const periods = withPreviousPeriod(parseInput(reportPeriodSchema, periodInput, 'period'));
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const book = await readCounts(manager, { tenantIds: [tenantId], periods });
    const currency = (await reportingCurrencies(manager, [tenantId])).get(tenantId) ?? null;
    return marketingReport(book.of(tenantId), periods, currency);
  }

  /**
   * Opens an operation of its own in no tenant, admits the agency's tenants to it and reads
   * them all at once; the caller's operation (opened in its active tenant) is never used.
   */
  async agencyReport(
    op: Operation,
    agencyIdInput: string,
    periodInput: ReportPeriodInput,
  ): Promise<AgencyMarketingReport> {
    const { request } = op;
    if (request.principal.kind === 'anonymous') throw unauthenticated();
    // An API key acts in its own tenant whatever is asked: agencies are for users.
    if (request.principal.kind !== 'user') throw forbidden('Only users reach an agency');
    const agencyId = requireId(agencyIdInput, 'agencyId');
    const periods = withPreviousPeriod(parseInput(reportPeriodSchema, periodInput, 'period'));
    return this.scopes.run({ ...request, requestedTenantId: null }, async (agencyOp) => {
      const staff = await admitAgency(agencyOp, agencyId);
      const tenantIds = staff.tenants.map((tenant) => tenant.id);
      const manager = await agencyOp.manager();
      const book = await readCounts(manager, { tenantIds, periods });
      const currencies = await reportingCurrencies(manager, tenantIds);
      const distinct = new Set(currencies.values());
      const all = tenantIds.map((id) => book.of(id));
      return {
        agency: staff.agency,
        tenantCount: staff.tenantCount,
        tenants: staff.tenants.map((tenant) => ({
          tenant,
          report: marketingReport(book.of(tenant.id), periods, currencies.get(tenant.id) ?? null),
        })),
        total: marketingReport(
          {
            current: sumCounts(
              all.map((counts) => counts.current),
              periods.buckets,
            ),
            previous: sumCounts(
              all.map((counts) => counts.previous),
              periods.buckets,
            ),
          },
          periods,
          distinct.size === 1 ? ([...distinct][0] as string) : null,
        ),
      };
    });
  }
}
