import { LIFECYCLE_STAGES, RFM_SEGMENT_IDS } from '@socialcrm/domain';
import type { CustomerBaseData } from '../reports.documents.js';
import type { FigureKind } from './use-report-format.js';

/** One column of a customer table: its label key, how it reads, where its value is. */
export interface CustomerMeasure {
  readonly key: string;
  /** A message key: the stages' and segments' names are the contacts' and RFM pages' own. */
  readonly label: string;
  readonly kind: Exclude<FigureKind, 'score'>;
  readonly value: (report: CustomerBaseData) => number | null;
}

/**
 * A count column per stage or segment, named as the contacts and RFM pages name them. The API
 * lists every stage and segment of the domain in its order: so do the columns.
 */
function countColumns(
  ids: readonly string[],
  labels: string,
  entries: (report: CustomerBaseData) => ReadonlyArray<{ id: string; contacts: number }>,
): CustomerMeasure[] {
  return ids.map((id) => ({
    key: id,
    label: `${labels}.${id}`,
    kind: 'count',
    value: (report) => entries(report).find((entry) => entry.id === id)?.contacts ?? 0,
  }));
}

/** The agency's customer tables, one per part of the customer base, in the page's order. */
export const CUSTOMER_TABLES: ReadonlyArray<{
  key: 'lifecycle' | 'segments' | 'value';
  measures: readonly CustomerMeasure[];
}> = [
  {
    key: 'lifecycle',
    measures: [
      {
        key: 'contacts',
        label: 'reports.customers.contacts',
        kind: 'count',
        value: (r) => r.contacts,
      },
      ...countColumns(LIFECYCLE_STAGES, 'contacts.stages', (r) =>
        r.stages.map((row) => ({ id: row.stage, contacts: row.contacts })),
      ),
      {
        key: 'conversion',
        label: 'reports.customers.conversion',
        kind: 'rate',
        value: (r) => r.leadConversion.ratio,
      },
    ],
  },
  {
    key: 'segments',
    measures: [
      {
        key: 'scored',
        label: 'reports.customers.scored',
        kind: 'count',
        value: (r) => r.rfmScoredContacts,
      },
      ...countColumns(RFM_SEGMENT_IDS, 'rfm.segments', (r) =>
        r.rfmSegments.map((row) => ({ id: row.segment, contacts: row.contacts })),
      ),
    ],
  },
  {
    key: 'value',
    measures: [
      {
        key: 'valued',
        label: 'reports.customers.valued',
        kind: 'count',
        value: (r) => r.value.valuedContacts,
      },
      {
        key: 'totalClv',
        label: 'reports.customers.totalClv',
        kind: 'money',
        value: (r) => r.value.totalClv,
      },
      {
        key: 'meanClv',
        label: 'reports.customers.meanClv',
        kind: 'money',
        value: (r) => r.value.meanClv,
      },
      {
        key: 'advocates',
        label: 'reports.customers.advocates',
        kind: 'count',
        value: (r) => r.advocates,
      },
      {
        key: 'referrals',
        label: 'reports.customers.referrals',
        kind: 'count',
        value: (r) => r.referrals,
      },
    ],
  },
];
