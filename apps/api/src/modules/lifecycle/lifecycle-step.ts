import type { Operation } from '../../platform/database/operation-scope.js';
import type { ContactUpkeepStep } from '../customer-upkeep/index.js';
import { LAST_ACTIVITY_SQL, STAGE_ENTERED_SQL } from './contact-activity.js';
import { LifecycleCause } from './lifecycle.type.js';
import { type ContactLifecycleFacts, movesOf } from './lifecycle-events.js';
import { tenantLifecyclePolicy } from './lifecycle-policy.js';
import { writeStageMoves } from './lifecycle-writes.js';

/**
 * The facts of the batch's contacts and of their referrers (a referred contact's first purchase
 * makes its referrer an advocate, and only the referred contact is in the batch then), read in
 * one statement.
 */
const FACTS_SQL = `
  WITH candidates AS (
    SELECT id FROM unnest($2::uuid[]) AS batch(id)
    UNION SELECT r.referrer_id FROM referral r WHERE r.tenant_id = $1 AND r.referred_id = ANY ($2::uuid[])
  )
  SELECT c.id AS "contactId", c.lifecycle_stage AS stage,
         EXISTS (SELECT 1 FROM customer_order o WHERE o.tenant_id = c.tenant_id AND o.contact_id = c.id) AS "hasPurchased",
         EXISTS (
           SELECT 1 FROM referral r JOIN contact rc ON rc.tenant_id = r.tenant_id AND rc.id = r.referred_id
           WHERE r.tenant_id = c.tenant_id AND r.referrer_id = c.id
             AND (rc.lifecycle_stage IN ('customer', 'advocate')
                  OR EXISTS (SELECT 1 FROM customer_order o WHERE o.tenant_id = r.tenant_id AND o.contact_id = r.referred_id))
         ) AS "referredCustomer",
         c.lifecycle_stage = 'churned' AND EXISTS (
           SELECT 1 FROM customer_order o WHERE o.tenant_id = c.tenant_id AND o.contact_id = c.id
             AND o.ordered_at > ${STAGE_ENTERED_SQL}
         ) AS "purchasedSinceChurn",
         c.lifecycle_stage = 'churned' AND ${LAST_ACTIVITY_SQL} > ${STAGE_ENTERED_SQL} AS "activeSinceChurn"
  FROM candidates
  JOIN contact c ON c.tenant_id = $1 AND c.id = candidates.id
  WHERE c.erased_at IS NULL`;

/**
 * The upkeep's lifecycle step: moves the batch's contacts (and their referrers) as the
 * domain's machine says their data does — a first purchase makes a customer, a referred
 * customer makes its referrer an advocate, a churned contact with new activity comes back.
 * Running it twice changes nothing (the facts then lead nowhere new). Inactivity is the
 * churn job's, since time passes without any change to notice.
 */
export const lifecycleStep: ContactUpkeepStep = {
  name: 'lifecycle',
  async apply(op: Operation, contactIds: readonly string[]) {
    const facts: ContactLifecycleFacts[] = await (await op.manager()).query(FACTS_SQL, [
      await op.tenantId(),
      contactIds,
    ]);
    if (facts.length === 0) return;
    const policy = await tenantLifecyclePolicy(op);
    for (const round of movesOf(facts, policy))
      await writeStageMoves(op, LifecycleCause.EVENT, round);
  },
};
