import type { Operation, OperationScopes } from '../../platform/database/operation-scope.js';
import { parseInput } from '../../platform/graphql/validation.js';
import { agencyRead } from './agency-scope.js';
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

  /** The agency's tenants side by side and summed, read at once (see `agencyRead`). */
  async agencyReport(
    op: Operation,
    agencyIdInput: string,
    periodInput: ReportPeriodInput,
  ): Promise<AgencyMarketingReport> {
    const inAgency = agencyRead(this.scopes, op, agencyIdInput);
    const periods = withPreviousPeriod(parseInput(reportPeriodSchema, periodInput, 'period'));
    return inAgency(async (agencyOp, staff) => {
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
