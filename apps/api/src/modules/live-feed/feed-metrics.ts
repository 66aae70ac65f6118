import { Gauge, Histogram } from 'prom-client';
import { metrics } from '../../platform/metrics/metrics.js';
import type { FeedEntry } from './mention-feed.service.js';

const lag = new Histogram({
  name: 'socialcrm_feed_lag_seconds',
  help: "From a mention's receipt to its entry reaching this process's live-feed channel.",
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
  registers: [metrics],
});

/** Each entry's lag, as this process's channel takes it in. */
export function observeFeedLag(entries: readonly FeedEntry[], now = Date.now()): void {
  for (const { mention } of entries)
    lag.observe(Math.max(0, now - new Date(mention.receivedAt).getTime()) / 1000);
}

/** The live subscribers of this process, read at each scrape. */
export function watchSubscribers(count: () => number): void {
  new Gauge({
    name: 'socialcrm_live_subscribers',
    help: 'Live-feed subscriptions open on this process.',
    registers: [metrics],
    collect() {
      this.set(count());
    },
  });
}
