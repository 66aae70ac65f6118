import type { LifecycleStage } from '@socialcrm/domain';
import { writeActivity, writeMentions } from './customer-activity.js';
import { insertContacts } from './customer-records.js';
import { insertStagedContacts, recordReferrals } from './lifecycle-records.js';

/** A tenant's customer base, by how many of each thing it holds. */
export interface CustomerBase {
  /** Contacts with a purchase history a customer value fit can learn from (30 or more). */
  readonly buyers: number;
  /** Contacts without orders, at these stages. */
  readonly staged?: readonly LifecycleStage[];
  /** Referrals among the buyers: buyer 0 referred buyer 1, buyer 0 referred buyer 2… */
  readonly referrals?: number;
  /** Buyers (from the last) who each wrote three positive mentions this month. */
  readonly praisers?: number;
}

/**
 * Writes a customer base straight to the database, as imports and ingest would: buyers with two
 * years of orders (every buyer once long ago, every other one again, every third one lately),
 * staged contacts, referrals and praise. Returns the buyers' ids.
 */
export async function writeCustomerBase(
  databaseUrl: string,
  tenantId: string,
  base: CustomerBase,
): Promise<string[]> {
  const now = Date.now();
  const buyers = await insertContacts(
    databaseUrl,
    tenantId,
    Array.from({ length: base.buyers }, (_, index) => `Buyer ${index}`),
  );
  const orders = buyers.flatMap((contactId, index) => [
    { contactId, daysAgo: 200 + index, amount: 20 + index },
    ...(index % 2 ? [{ contactId, daysAgo: 100 + index, amount: 15 + (index % 7) }] : []),
    ...(index % 3 === 0 ? [{ contactId, daysAgo: 50, amount: 30 }] : []),
  ]);
  await writeActivity(databaseUrl, tenantId, now, orders, []);
  if (base.staged?.length) await insertStagedContacts(databaseUrl, tenantId, base.staged);
  const [referrer, ...others] = buyers;
  const referred = others.slice(0, base.referrals ?? 0);
  if (referrer && referred.length)
    await recordReferrals(
      databaseUrl,
      tenantId,
      referred.map((referredId) => ({ referrerId: referrer, referredId })),
    );
  const praisers = buyers.slice(buyers.length - (base.praisers ?? 0));
  if (praisers.length)
    await writeMentions(
      databaseUrl,
      tenantId,
      now,
      praisers.flatMap((contactId) =>
        [3, 10, 20].map((daysAgo) => ({ contactId, daysAgo, sentiment: 0.8 })),
      ),
    );
  return buyers;
}
