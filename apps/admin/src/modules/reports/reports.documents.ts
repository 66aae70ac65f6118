import { graphql, type ResultOf } from '../../graphql.js';

/** Every measure of a report: what the cards and the agency's side-by-side table show. */
export const ReportMeasuresFields = graphql(`
  fragment ReportMeasuresFields on MarketingReport {
    currency
    awareness {
      mentions { current previous difference change }
      followersReached { current previous difference change }
      reach { current previous difference change }
    }
    engagement {
      rateByFollowers { current previous difference change }
      rateByReach { current previous difference change }
      emailsSent { current previous difference change }
      emailOpenRate { current previous difference change }
      emailClickRate { current previous difference change }
      emailBounceRate { current previous difference change }
    }
    sales {
      orders { current previous difference change }
      revenue { current previous difference change }
      customers { current previous difference change }
      repeatPurchaseRate { current previous difference change }
    }
    leads {
      leads { current previous difference change }
      converted { current previous difference change }
      conversionRatio { current previous difference change }
    }
    voice {
      ownShareByMentions { current previous difference change }
      ownShareByReach { current previous difference change }
      netSentiment { current previous difference change }
    }
  }
`);

export const ReportTrendFields = graphql(`
  fragment ReportTrendFields on MarketingReport {
    trend { start previousStart mentions previousMentions orders previousOrders revenue previousRevenue }
  }
`);

/** The whole report of one tenant: measures, brands and trend. */
export const MarketingReportFields = graphql(
  `
  fragment MarketingReportFields on MarketingReport {
    ...ReportMeasuresFields
    ...ReportTrendFields
    brands {
      brandId name own
      mentions { current previous difference change }
      shareByMentions { current previous difference change }
    }
  }
`,
  [ReportMeasuresFields, ReportTrendFields],
);

export const MarketingReportQuery = graphql(
  `
  query MarketingReport($period: ReportPeriodInput!) {
    marketingReport(period: $period) { ...MarketingReportFields }
  }
`,
  [MarketingReportFields],
);

export const AgencyMarketingReportQuery = graphql(
  `
  query AgencyMarketingReport($agencyId: ID!, $period: ReportPeriodInput!) {
    agencyMarketingReport(agencyId: $agencyId, period: $period) {
      agency { id name }
      tenantCount
      tenants { tenant { id name } report { ...ReportMeasuresFields } }
      total { ...ReportMeasuresFields ...ReportTrendFields }
    }
  }
`,
  [ReportMeasuresFields, ReportTrendFields],
);

/** A customer base as it is now: what the agency's customer tables show of each brand. */
export const CustomerBaseFields = graphql(`
  fragment CustomerBaseFields on CustomerBaseReport {
    contacts
    stages { stage contacts }
    leadConversion { leads customers ratio }
    rfmSegments { segment contacts }
    rfmScoredContacts
    value { valuedContacts totalClv meanClv currency }
    advocates
    referrals
  }
`);

export const AgencyCustomerReportQuery = graphql(
  `
  query AgencyCustomerReport($agencyId: ID!) {
    agencyCustomerReport(agencyId: $agencyId) {
      tenantCount
      tenants { tenant { id name } report { ...CustomerBaseFields } }
      total { ...CustomerBaseFields }
    }
  }
`,
  [CustomerBaseFields],
);

export type MarketingReportData = ResultOf<typeof MarketingReportFields>;
export type CustomerBaseData = ResultOf<typeof CustomerBaseFields>;
export type ReportMeasuresData = ResultOf<typeof ReportMeasuresFields>;
export type ReportTrendData = ResultOf<typeof ReportTrendFields>['trend'];
export type ReportFigureData = ReportMeasuresData['sales']['orders'];
