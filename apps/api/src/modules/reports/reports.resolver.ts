import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { CustomerReportService } from './customer-report.service.js';
import { AgencyCustomerReport } from './customer-report.type.js';
import { MarketingReportService } from './marketing-report.service.js';
import { AgencyMarketingReport, MarketingReport } from './marketing-report.type.js';
import { ReportPeriodInput } from './report-period.js';

@Resolver()
export class ReportsResolver {
  constructor(
    private readonly reports: MarketingReportService,
    private readonly customers: CustomerReportService,
  ) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => MarketingReport, {
    description:
      'The marketing report of the active tenant: awareness, engagement, sales, lead conversion, share of voice and net sentiment over a period, each beside the previous period of the same length.',
  })
  marketingReport(
    @Ctx() { operation }: GraphQLContext,
    @Arg('period', () => ReportPeriodInput) period: ReportPeriodInput,
  ) {
    return this.reports.report(operation, period);
  }

  // Authorised in the service, which reads the agency's tenants in an operation of its own.
  @Query(() => AgencyMarketingReport, {
    description:
      'The marketing report of every tenant (brand) of an agency the caller is staff of (admin or member), side by side and summed, read in one query per measure. FORBIDDEN for anyone else.',
  })
  agencyMarketingReport(
    @Ctx() { operation }: GraphQLContext,
    @Arg('agencyId', () => ID) agencyId: string,
    @Arg('period', () => ReportPeriodInput) period: ReportPeriodInput,
  ) {
    return this.reports.agencyReport(operation, agencyId, period);
  }

  // Authorised in the service, as agencyMarketingReport.
  @Query(() => AgencyCustomerReport, {
    description:
      'The customer base of every tenant (brand) of an agency the caller is staff of (admin or member), as it is now, side by side and summed: contacts by lifecycle stage, lead-to-customer conversion, named RFM segments, customer value, advocates and referrals, read in one query per measure. FORBIDDEN for anyone else.',
  })
  agencyCustomerReport(
    @Ctx() { operation }: GraphQLContext,
    @Arg('agencyId', () => ID) agencyId: string,
  ) {
    return this.customers.agencyReport(operation, agencyId);
  }
}
