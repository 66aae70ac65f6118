import {
  type ClvModels,
  conditionalExpectedPurchases,
  conditionalExpectedSpend,
  discountedClv,
  probabilityAlive,
} from '@socialcrm/domain';
import type { Operation } from '../../platform/database/operation-scope.js';
import type { ContactSummary } from './purchase-summaries.js';

const WEEKS_PER_MONTH = 52 / 12;
const DAYS_PER_WEEK = 7;
const WRITE_BATCH = 10_000;

/** What a fit was asked to value: over how many months, discounted how, at what margin. */
export interface ValueTerms {
  readonly horizonMonths: number;
  readonly annualDiscountRate: number;
  readonly margin: number;
}

/** One contact's predictions as stored on `contact_metrics`. */
export interface ContactValue {
  readonly contactId: string;
  readonly probabilityAlive: number;
  readonly expected90: number;
  readonly expected365: number;
  readonly expectedOrderValue: number;
  readonly clv: number;
}

/** Each customer's predictions from the calibration end, with the domain's formulas. */
export function valueCustomers(
  models: ClvModels,
  customers: readonly ContactSummary[],
  terms: ValueTerms,
): ContactValue[] {
  const monthlyRate = (1 + terms.annualDiscountRate) ** (1 / 12) - 1;
  const options = {
    periods: terms.horizonMonths,
    periodLength: WEEKS_PER_MONTH,
    discountRate: monthlyRate,
    margin: terms.margin,
  };
  return customers.map((customer) => ({
    contactId: customer.customerId,
    probabilityAlive: attempt(() => probabilityAlive(models.purchases, customer)),
    expected90: attempt(() =>
      conditionalExpectedPurchases(models.purchases, 90 / DAYS_PER_WEEK, customer),
    ),
    expected365: attempt(() =>
      conditionalExpectedPurchases(models.purchases, 365 / DAYS_PER_WEEK, customer),
    ),
    expectedOrderValue: attempt(() => conditionalExpectedSpend(models.spend, customer)),
    clv: attempt(() => discountedClv(models, customer, options)),
  }));
}

/**
 * A prediction, or NaN (stored as unknown) where the models cannot give one: with degenerate
 * estimates from a small or odd history (dropout parameters in the millions) a series does not
 * converge. One customer's prediction never fails the fit.
 */
export function attempt(predict: () => number): number {
  try {
    return predict();
  } catch {
    return Number.NaN;
  }
}

/**
 * A prediction the models cannot give is stored as unknown: Gamma–Gamma's expected spend is
 * infinite when the fitted q is at most 1 (the mean of the spend distribution does not exist).
 */
const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** Writes the predictions in batches (one statement each), tagged with the fit that made them. */
export async function storeValues(
  op: Operation,
  fitId: string,
  values: readonly ContactValue[],
): Promise<void> {
  const manager = await op.manager();
  const tenantId = await op.tenantId();
  for (let start = 0; start < values.length; start += WRITE_BATCH) {
    const batch = values.slice(start, start + WRITE_BATCH);
    await manager.query(
      `INSERT INTO contact_metrics AS cm (tenant_id, contact_id, probability_alive, expected_purchases_90,
         expected_purchases_365, expected_order_value, clv, clv_fit_id)
       SELECT $1, v.contact_id, v.alive, v.e90, v.e365, round(v.eov::numeric, 4), round(v.clv::numeric, 4), $2
       FROM unnest($3::uuid[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[])
         AS v(contact_id, alive, e90, e365, eov, clv)
       JOIN contact c ON c.tenant_id = $1 AND c.id = v.contact_id
       ON CONFLICT (tenant_id, contact_id) DO UPDATE SET
         probability_alive = excluded.probability_alive,
         expected_purchases_90 = excluded.expected_purchases_90,
         expected_purchases_365 = excluded.expected_purchases_365,
         expected_order_value = excluded.expected_order_value,
         clv = excluded.clv, clv_fit_id = excluded.clv_fit_id`,
      [
        tenantId,
        fitId,
        batch.map((v) => v.contactId),
        batch.map((v) => finite(v.probabilityAlive)),
        batch.map((v) => finite(v.expected90)),
        batch.map((v) => finite(v.expected365)),
        batch.map((v) => finite(v.expectedOrderValue)),
        batch.map((v) => finite(v.clv)),
      ],
    );
  }
}

/**
 * Clears predictions: after a full fit, those another fit made (contacts no longer valued); in
 * the upkeep, the batch's (before they are valued again).
 */
export async function clearValues(
  op: Operation,
  scope: { readonly exceptFit: string | null; readonly contactIds: readonly string[] | null },
): Promise<void> {
  await (await op.manager()).query(
    `UPDATE contact_metrics SET probability_alive = NULL, expected_purchases_90 = NULL,
       expected_purchases_365 = NULL, expected_order_value = NULL, clv = NULL, clv_fit_id = NULL
     WHERE tenant_id = $1 AND clv_fit_id IS NOT NULL
       AND ($2::uuid IS NULL OR clv_fit_id <> $2::uuid)
       AND ($3::uuid[] IS NULL OR contact_id = ANY ($3::uuid[]))`,
    [await op.tenantId(), scope.exceptFit, scope.contactIds],
  );
}
