import type { ReportFigureData, ReportMeasuresData } from '../reports.documents.js';
import type { FigureKind } from './use-report-format.js';

/** One measure of the report: where its figure is, how it reads, its label key. */
export interface ReportMeasure {
  readonly key: string;
  readonly kind: FigureKind;
  readonly lowerIsBetter?: boolean;
  readonly figure: (report: ReportMeasuresData) => ReportFigureData;
}

/** The report's sections and their measures, in the order the page shows them. */
export const REPORT_SECTIONS: ReadonlyArray<{
  key: string;
  measures: readonly ReportMeasure[];
}> = [
  {
    key: 'awareness',
    measures: [
      { key: 'mentions', kind: 'count', figure: (r) => r.awareness.mentions },
      { key: 'followersReached', kind: 'count', figure: (r) => r.awareness.followersReached },
      { key: 'reach', kind: 'count', figure: (r) => r.awareness.reach },
    ],
  },
  {
    key: 'engagement',
    measures: [
      { key: 'rateByFollowers', kind: 'rate', figure: (r) => r.engagement.rateByFollowers },
      { key: 'rateByReach', kind: 'rate', figure: (r) => r.engagement.rateByReach },
      { key: 'emailsSent', kind: 'count', figure: (r) => r.engagement.emailsSent },
      { key: 'emailOpenRate', kind: 'rate', figure: (r) => r.engagement.emailOpenRate },
      { key: 'emailClickRate', kind: 'rate', figure: (r) => r.engagement.emailClickRate },
      {
        key: 'emailBounceRate',
        kind: 'rate',
        lowerIsBetter: true,
        figure: (r) => r.engagement.emailBounceRate,
      },
    ],
  },
  {
    key: 'sales',
    measures: [
      { key: 'orders', kind: 'count', figure: (r) => r.sales.orders },
      { key: 'revenue', kind: 'money', figure: (r) => r.sales.revenue },
      { key: 'customers', kind: 'count', figure: (r) => r.sales.customers },
      { key: 'repeatPurchaseRate', kind: 'rate', figure: (r) => r.sales.repeatPurchaseRate },
    ],
  },
  {
    key: 'leads',
    measures: [
      { key: 'leads', kind: 'count', figure: (r) => r.leads.leads },
      { key: 'converted', kind: 'count', figure: (r) => r.leads.converted },
      { key: 'conversionRatio', kind: 'rate', figure: (r) => r.leads.conversionRatio },
    ],
  },
  {
    key: 'voice',
    measures: [
      { key: 'ownShareByMentions', kind: 'rate', figure: (r) => r.voice.ownShareByMentions },
      { key: 'ownShareByReach', kind: 'rate', figure: (r) => r.voice.ownShareByReach },
      { key: 'netSentiment', kind: 'score', figure: (r) => r.voice.netSentiment },
    ],
  },
];
