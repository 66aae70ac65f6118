import { z } from 'zod';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { notFound } from '../../platform/errors/app-error.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import type { JobSender } from '../../platform/jobs/job-definition.js';
import type {
  ClvBucketType,
  CustomerValueFitType,
  TopCustomerType,
} from './customer-value.type.js';
import { CUSTOMER_VALUE_FIT } from './customer-value-queues.js';

const today = () => new Date().toISOString().slice(0, 10);

const fitInputSchema = z.object({
  calibrationEnd: z.iso
    .date('must be a date, YYYY-MM-DD')
    .refine((day) => day <= today(), 'must not be in the future')
    .nullish(),
  horizonMonths: z.number().int().min(1).max(120).nullish(),
  annualDiscountRate: z.number().min(0).max(1).nullish(),
  margin: z.number().gt(0).max(1).nullish(),
});

const FIT_COLUMNS = `id, state, calibration_end::text AS "calibrationEnd", horizon_months AS "horizonMonths",
  annual_discount_rate::float8 AS "annualDiscountRate", margin::float8 AS margin,
  bg_nbd AS "bgNbd", gamma_gamma AS "gammaGamma", customers_used AS "customersUsed",
  spend_customers_used AS "spendCustomersUsed", customers_set_aside AS "customersSetAside",
  orders_set_aside AS "ordersSetAside", spend_customers_set_aside AS "spendCustomersSetAside",
  contacts_scored AS "contactsScored", coalesce(fit_check, '[]') AS "fitCheck", failure,
  requested_at AS "requestedAt", finished_at AS "finishedAt"`;

/** Asking for fits and reading them, and what they valued. */
export class CustomerValueService {
  constructor(private readonly jobs: JobSender) {}

  /** Queues a fit; it runs in the background (its state says when it is done). */
  async requestFit(op: Operation, input: unknown): Promise<CustomerValueFitType> {
    const terms = parseInput(fitInputSchema, input ?? {}, 'input');
    const tenantId = await op.tenantId();
    const { userId } = await op.access();
    const id = newId();
    const [fit] = await (await op.manager()).query(
      `INSERT INTO clv_fit (tenant_id, id, state, calibration_end, horizon_months, annual_discount_rate, margin, requested_by)
       VALUES ($1, $2, 'QUEUED', $3, $4, $5, $6, $7) RETURNING ${FIT_COLUMNS}`,
      [
        tenantId,
        id,
        terms.calibrationEnd ?? today(),
        terms.horizonMonths ?? 12,
        terms.annualDiscountRate ?? 0.1,
        terms.margin ?? 1,
        userId,
      ],
    );
    await op.afterCommit(() => this.jobs.send(CUSTOMER_VALUE_FIT, { tenantId, fitId: id }));
    return fit;
  }

  async fits(op: Operation, first: number): Promise<CustomerValueFitType[]> {
    return (await op.manager()).query(
      `SELECT ${FIT_COLUMNS} FROM clv_fit WHERE tenant_id = $1 ORDER BY requested_at DESC LIMIT $2`,
      [await op.tenantId(), Math.min(Math.max(first, 1), 100)],
    );
  }

  async fit(op: Operation, id: string): Promise<CustomerValueFitType> {
    const [fit] = await (await op.manager()).query(
      `SELECT ${FIT_COLUMNS} FROM clv_fit WHERE tenant_id = $1 AND id = $2`,
      [await op.tenantId(), requireId(id)],
    );
    if (!fit) throw notFound('Customer value fit');
    return fit;
  }

  async latest(op: Operation): Promise<CustomerValueFitType | null> {
    const [fit] = await (await op.manager()).query(
      `SELECT ${FIT_COLUMNS} FROM clv_fit WHERE tenant_id = $1 AND state = 'SUCCEEDED'
       ORDER BY finished_at DESC LIMIT 1`,
      [await op.tenantId()],
    );
    return fit ?? null;
  }

  /**
   * Contacts by CLV in equal-width buckets up to the 99th percentile (the long tail's last
   * bucket holds everyone above it, so one whale does not flatten the picture).
   */
  async distribution(op: Operation, buckets: number): Promise<ClvBucketType[]> {
    const count = Math.min(Math.max(buckets, 2), 50);
    const rows: Array<{ bucket: number; contacts: number; top: number }> = await (
      await op.manager()
    ).query(
      `WITH valued AS (SELECT greatest(clv, 0)::float8 AS clv FROM contact_metrics WHERE tenant_id = $1 AND clv IS NOT NULL),
            bound AS (SELECT greatest(percentile_cont(0.99) WITHIN GROUP (ORDER BY clv), 1e-9) AS top FROM valued)
       SELECT least(width_bucket(v.clv, 0, b.top, $2), $2) AS bucket, count(*)::int AS contacts, b.top
       FROM valued v, bound b GROUP BY 1, b.top ORDER BY 1`,
      [await op.tenantId(), count],
    );
    const top = rows[0]?.top ?? 0;
    const width = top / count;
    const byBucket = new Map(rows.map((row) => [row.bucket, row.contacts]));
    return rows.length
      ? Array.from({ length: count }, (_, index) => ({
          from: index * width,
          to: (index + 1) * width,
          contacts: byBucket.get(index + 1) ?? 0,
        }))
      : [];
  }

  async top(op: Operation, first: number): Promise<TopCustomerType[]> {
    return (await op.manager()).query(
      `SELECT m.contact_id AS "contactId", c.display_name AS "displayName", m.clv::text AS clv,
              m.probability_alive AS "probabilityAlive", m.expected_purchases_365 AS "expectedPurchases365"
       FROM contact_metrics m JOIN contact c ON c.tenant_id = m.tenant_id AND c.id = m.contact_id
       WHERE m.tenant_id = $1 AND m.clv IS NOT NULL
       ORDER BY m.clv DESC, m.contact_id LIMIT $2`,
      [await op.tenantId(), Math.min(Math.max(first, 1), 100)],
    );
  }
}
