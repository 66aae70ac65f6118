import { Counter } from 'prom-client';
import { metrics } from '../../platform/metrics/metrics.js';
import type { IngestResult } from './ingest-result.type.js';

const ingested = new Counter({
  name: 'socialcrm_mentions_ingested_total',
  help: 'Posts ingested, by outcome (STORED, UPDATED, UNCHANGED, REJECTED) and brand match.',
  labelNames: ['outcome', 'matched'] as const,
  registers: [metrics],
});

export function countIngested(results: readonly IngestResult[]): void {
  for (const { outcome, matched } of results)
    ingested.inc({ outcome, matched: matched ? 'yes' : 'no' });
}
