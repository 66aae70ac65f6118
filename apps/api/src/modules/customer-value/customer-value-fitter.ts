import { ClvInputError } from '@socialcrm/domain';
import { systemContext } from '../../platform/context/request-context.js';
import type { Operation, OperationScopes } from '../../platform/database/operation-scope.js';
import { logFailure } from '../../platform/errors/log-failure.js';
import type { JobData, ModuleJob } from '../../platform/jobs/job-definition.js';
import {
  type ContactUpkeepStep,
  holdDerivedContactData,
  type TenantRescored,
} from '../customer-upkeep/index.js';
import { CUSTOMER_VALUE_FIT } from './customer-value-queues.js';
import {
  clearValues,
  storeValues,
  type ValueTerms,
  valueCustomers,
} from './customer-value-scoring.js';
import { fitModels } from './model-fitting.js';
import { contactSummaries, setAside, weeklyRepeatTransactions } from './purchase-summaries.js';

/** A fit as stored: what it was asked and, once it succeeded, its models. */
export interface StoredFit extends ValueTerms {
  readonly id: string;
  readonly calibrationEnd: string;
  readonly bgNbd: { r: number; alpha: number; a: number; b: number } | null;
  readonly gammaGamma: { p: number; q: number; gamma: number } | null;
}

const FIT_COLUMNS = `id, calibration_end::text AS "calibrationEnd", horizon_months AS "horizonMonths",
  annual_discount_rate::float8 AS "annualDiscountRate", margin::float8 AS margin,
  bg_nbd AS "bgNbd", gamma_gamma AS "gammaGamma"`;

/**
 * Runs a queued fit in the background: the tenant's purchase summaries as of the calibration
 * end (one statement), BG/NBD and Gamma–Gamma by maximum likelihood (the domain's), the fit
 * check through the data's last day, then every customer's value written in batches. A failure
 * is recorded on the fit (its data is not the user's fault to retry blindly); the models never
 * see a set-aside order.
 */
export class CustomerValueFitter {
  constructor(
    private readonly scopes: OperationScopes,
    private readonly rescored: TenantRescored,
  ) {}

  jobDefinitions(): ModuleJob[] {
    return [
      {
        definition: { name: CUSTOMER_VALUE_FIT, retryLimit: 0, expireInSeconds: 1_800 },
        handler: (data) => this.run(data),
      },
    ];
  }

  /** Re-values the upkeep's changed contacts under the latest successful fit. */
  readonly step: ContactUpkeepStep = {
    name: 'customer value',
    apply: async (op: Operation, contactIds: readonly string[]) => {
      const fit = await latestSucceeded(op);
      if (!fit?.bgNbd || !fit.gammaGamma) return;
      await clearValues(op, { exceptFit: null, contactIds });
      const customers = await contactSummaries(op, {
        calibrationEnd: fit.calibrationEnd,
        through: fit.calibrationEnd,
        contactIds,
      });
      await storeValues(
        op,
        fit.id,
        valueCustomers({ purchases: fit.bgNbd, spend: fit.gammaGamma }, customers, fit),
      );
    },
  };

  private async run(data: JobData): Promise<void> {
    const { tenantId, fitId } = data as { tenantId?: string; fitId?: string };
    if (!tenantId || typeof fitId !== 'string')
      throw new Error('customer value fit without its ids');
    const fit = await this.scopes.run(systemContext(tenantId), async (op) => {
      // A SELECT over the UPDATE: TypeORM answers a bare UPDATE with [rows, count], not rows.
      const [row]: StoredFit[] = await (await op.manager()).query(
        `WITH started AS (
           UPDATE clv_fit SET state = 'RUNNING', started_at = now() WHERE tenant_id = $1 AND id = $2
           RETURNING *)
         SELECT ${FIT_COLUMNS} FROM started`,
        [tenantId, fitId],
      );
      return row;
    });
    if (!fit) return;
    try {
      await this.scopes.run(systemContext(tenantId), (op) => this.fit(op, fit));
    } catch (error) {
      if (!(error instanceof ClvInputError))
        logFailure('customer value fit failed', error, { tenantId, fitId });
      await this.scopes.run(systemContext(tenantId), async (op) =>
        (await op.manager()).query(
          `UPDATE clv_fit SET state = 'FAILED', failure = $3, finished_at = now()
           WHERE tenant_id = $1 AND id = $2`,
          [tenantId, fitId, failureText(error)],
        ),
      );
      throw error;
    }
  }

  private async fit(op: Operation, fit: StoredFit): Promise<void> {
    const today = new Date().toISOString().slice(0, 10);
    const aside = await setAside(op, today);
    const customers = await contactSummaries(op, {
      calibrationEnd: fit.calibrationEnd,
      through: fit.calibrationEnd,
      contactIds: null,
    });
    const origin = customers.reduce(
      // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings, the earliest sorts first
      (first, customer) => (customer.firstDay < first ? customer.firstDay : first),
      fit.calibrationEnd,
    );
    const lastDay = aside.lastDay ?? fit.calibrationEnd;
    const actualByWeek = await weeklyRepeatTransactions(op, fit.calibrationEnd, origin, lastDay);
    const { purchases, spend, values, check } = await fitModels({
      customers,
      terms: {
        horizonMonths: fit.horizonMonths,
        annualDiscountRate: fit.annualDiscountRate,
        margin: fit.margin,
      },
      actualByWeek,
      lastDay,
    });
    await holdDerivedContactData(op);
    await storeValues(op, fit.id, values);
    await clearValues(op, { exceptFit: fit.id, contactIds: null });
    await this.rescored(op, ['clv']);
    await (await op.manager()).query(
      `UPDATE clv_fit SET state = 'SUCCEEDED', finished_at = now(),
         bg_nbd = $3, gamma_gamma = $4, customers_used = $5, spend_customers_used = $6,
         customers_set_aside = $7, orders_set_aside = $8, spend_customers_set_aside = $9,
         contacts_scored = $10, fit_check = $11
       WHERE tenant_id = $1 AND id = $2`,
      [
        await op.tenantId(),
        fit.id,
        JSON.stringify({
          ...purchases.parameters,
          logLikelihood: purchases.logLikelihood,
          converged: purchases.converged,
        }),
        JSON.stringify({
          ...spend.parameters,
          logLikelihood: spend.logLikelihood,
          converged: spend.converged,
        }),
        purchases.customers,
        spend.customers,
        aside.customers,
        aside.orders,
        customers.filter((customer) => customer.x > 0 && customer.m <= 0).length,
        values.length,
        JSON.stringify(check),
      ],
    );
  }
}

/**
 * What a failed fit tells its readers: the models' own objection to the data (no repeat
 * purchases, one spend value…), else a fixed text. Any other error (a database one names keys
 * and values) goes to the log with the job, never to the client.
 */
function failureText(error: unknown): string {
  return error instanceof ClvInputError
    ? error.message.slice(0, 500)
    : 'The fit could not run; the operators have the details.';
}

/** The tenant's latest successful fit, if any. */
export async function latestSucceeded(op: Operation): Promise<StoredFit | undefined> {
  const [row]: StoredFit[] = await (await op.manager()).query(
    `SELECT ${FIT_COLUMNS} FROM clv_fit WHERE tenant_id = $1 AND state = 'SUCCEEDED'
     ORDER BY finished_at DESC LIMIT 1`,
    [await op.tenantId()],
  );
  return row;
}
