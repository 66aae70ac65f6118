/** The raw recency, frequency and monetary measures of one customer or contact. */
export interface RfmMeasures {
  readonly id: string;
  /** Whole days from the latest activity to `now`. */
  readonly recencyDays: number;
  /** Number of activities (purchases, or opens, clicks and interactions). */
  readonly frequency: number;
  /** Sum of the activities' values (money spent, or estimated engagement value). */
  readonly monetary: number;
}

/** One purchase (order) of a customer at an instant (the CLV models use day-level `Purchase`). */
export interface TimedPurchase {
  readonly customerId: string;
  readonly orderedAt: Date;
  readonly amount: number;
}

/** One engagement of a contact: an email open or click, or a social interaction. */
export interface EngagementEvent {
  readonly contactId: string;
  readonly occurredAt: Date;
  /** What the engagement is estimated to be worth, in the tenant's currency or points. */
  readonly estimatedValue: number;
}

interface Activity {
  readonly id: string;
  readonly at: Date;
  readonly value: number;
}

const DAY_MS = 86_400_000;

/**
 * TimedPurchase RFM measures per customer: days since the last purchase, number of purchases and
 * total spent, in order of each customer's first appearance.
 *
 * @throws RangeError when a purchase is later than `now` or has a non-finite amount.
 */
export function purchaseMeasures(purchases: readonly TimedPurchase[], now: Date): RfmMeasures[] {
  return summarise(
    purchases.map((p) => ({ id: p.customerId, at: p.orderedAt, value: p.amount })),
    now,
  );
}

/**
 * Engagement RFM measures per contact: days since the last open, click or interaction, how
 * many there were, and their total estimated value, in order of each contact's first appearance.
 *
 * @throws RangeError when an event is later than `now` or has a non-finite value.
 */
export function engagementMeasures(events: readonly EngagementEvent[], now: Date): RfmMeasures[] {
  return summarise(
    events.map((e) => ({ id: e.contactId, at: e.occurredAt, value: e.estimatedValue })),
    now,
  );
}

function summarise(activities: readonly Activity[], now: Date): RfmMeasures[] {
  const byId = new Map<string, { latest: number; count: number; total: number }>();
  for (const { id, at, value } of activities) {
    const time = at.getTime();
    // A future activity would give a negative recency and silently rank as the best customer.
    if (!(time <= now.getTime())) throw new RangeError(`Activity of ${id} is not before now`);
    if (!Number.isFinite(value)) throw new RangeError(`Activity of ${id} has value ${value}`);
    const seen = byId.get(id);
    if (seen === undefined) byId.set(id, { latest: time, count: 1, total: value });
    else {
      seen.latest = Math.max(seen.latest, time);
      seen.count += 1;
      seen.total += value;
    }
  }
  return [...byId].map(([id, { latest, count, total }]) => ({
    id,
    recencyDays: Math.floor((now.getTime() - latest) / DAY_MS),
    frequency: count,
    monetary: total,
  }));
}
