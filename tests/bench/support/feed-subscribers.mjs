// The subscriber side of feed-fanout.bench.ts, in a process of its own (so its CPU time is
// measured apart): one graphql-ws client (one WebSocket) per subscriber, each subscribed to
// the live feed of its tenant. The publisher puts `f~<tenant>~<n>~<epoch ms>` in externalId;
// every delivery is counted per subscriber and mention, and its latency recorded. `warm~` ids
// (before the measured window) only mark a subscriber as following.
// Driven over IPC by the parent: start -> status* -> results -> close.
import { performance } from 'node:perf_hooks';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

// `mentionAdded` delivers entry by entry, `mentionsAdded` in batches; the fields are the same.
const QUERY = (field) =>
  `subscription { ${field} { cursor kind mention { id externalId sentiment brandIds } } }`;
const now = () => performance.timeOrigin + performance.now();

/** @type {Array<{ client: import('graphql-ws').Client, tenant: number, counts: Uint8Array, warm: boolean }>} */
const subscribers = [];
let received = 0;
let max = Number.NaN;
let overflow = 0;
let errors = 0;
let completed = 0;
let firstError = '';
let window = [];
// Latencies in 0.1 ms buckets (the last one holds everything from 10 s): the parent reads
// percentiles off them, of one run or of several pooled.
const BUCKETS_PER_MS = 10;
const histogram = new Uint32Array(10_000 * BUCKETS_PER_MS + 1);

function record(latency) {
  received++;
  if (!(latency <= max)) max = latency;
  window.push(latency);
  histogram[Math.min(histogram.length - 1, Math.max(0, Math.round(latency * BUCKETS_PER_MS)))]++;
}

function onEvent(subscriber, externalId) {
  const parts = externalId.split('~');
  if (parts[0] === 'warm') {
    subscriber.warm = true;
    return;
  }
  if (parts[0] !== 'f') return;
  const n = Number(parts[2]);
  if (n >= subscriber.counts.length) {
    overflow++;
    return;
  }
  if (subscriber.counts[n] < 255) subscriber.counts[n]++;
  record(now() - Number(parts[3]));
}

function subscribe(url, token, tenantId, tenant, capacity, field) {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}`, tenantId },
    retryAttempts: 0,
    lazy: true,
  });
  const subscriber = { client, tenant, counts: new Uint8Array(capacity), warm: false };
  client.subscribe(
    { query: QUERY(field) },
    {
      next: (result) => {
        if (result.errors) {
          errors++;
          firstError ||= JSON.stringify(result.errors).slice(0, 300);
        }
        const events = result.data?.[field];
        for (const event of Array.isArray(events) ? events : events ? [events] : [])
          onEvent(subscriber, event.mention.externalId);
      },
      error: (error) => {
        errors++;
        firstError ||= String(error?.message ?? error?.reason ?? error?.code ?? error).slice(
          0,
          300,
        );
      },
      complete: () => {
        completed++;
      },
    },
  );
  subscribers.push(subscriber);
}

const percentile = (sorted, fraction) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]
    : Number.NaN;

const handlers = {
  async start({ subscribers: list, token, tenantIds, capacity, field }) {
    for (let i = 0; i < list.length; i++) {
      const { url, tenant } = list[i];
      subscribe(url, token, tenantIds[tenant], tenant, capacity, field);
      // Connect in waves: 1,000 handshakes at once would only measure the accept queue.
      if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { subscribers: subscribers.length };
  },
  status() {
    const sorted = Float64Array.from(window).sort();
    window = [];
    return {
      warmed: subscribers.filter((s) => s.warm).length,
      received,
      errors,
      completed,
      firstError,
      lastP99: percentile(sorted, 0.99),
      lastMax: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    };
  },
  /** `published[t]` lists the n of every mention of tenant t the api stored and matched. */
  results({ published }) {
    let expected = 0;
    let delivered = 0;
    let duplicates = 0;
    let missing = 0;
    for (const s of subscribers) {
      for (const n of published[s.tenant] ?? []) {
        expected++;
        const count = s.counts[n] ?? 0;
        if (count === 0) missing++;
        else {
          delivered++;
          duplicates += count - 1;
        }
      }
    }
    return {
      expected,
      delivered,
      duplicates,
      missing,
      overflow,
      errors,
      completed,
      firstError,
      // Sparse: [bucket, count] pairs of the non-empty buckets.
      histogram: [...histogram.entries()].filter(([, count]) => count > 0),
      bucketsPerMs: BUCKETS_PER_MS,
      max,
    };
  },
  async close() {
    await Promise.allSettled(subscribers.map((s) => s.client.dispose()));
    setTimeout(() => process.exit(0), 200);
    return {};
  },
};

process.on('message', async ({ id, type, payload }) => {
  try {
    process.send({ id, ok: true, value: await handlers[type](payload ?? {}) });
  } catch (error) {
    process.send({ id, ok: false, error: String(error?.stack ?? error) });
  }
});
process.on('disconnect', () => process.exit(0));
