import { currencyCodeSchema, currencyRateSchema } from '@socialcrm/validation';
import { z } from 'zod';
import type { Operation } from '../../platform/database/operation-scope.js';
import { badUserInput, conflict, notFound } from '../../platform/errors/app-error.js';
import { checkPageSize, type Page } from '../../platform/graphql/connection.js';
import { parseInput } from '../../platform/graphql/validation.js';
import type { CurrencyRateInput, CurrencyRateType, CurrencySettings } from './currency.type.js';
import { RATE_DAY_OF_ORDER, reportingCurrencyForWrite } from './currency-statements.js';

const RATE_COLUMNS = `currency, rate_date::text AS date, rate::text AS rate`;

/** The rate of an order's currency on its day, for statements over `customer_order o`. */
const RATE_OF_ORDER = `(SELECT r.rate FROM currency_rate r
   WHERE r.tenant_id = o.tenant_id AND r.currency = o.currency AND r.rate_date = ${RATE_DAY_OF_ORDER})`;

/** Orders of one currency placed on one UTC day ($2 currency, $3 day), by the date index. */
const ORDERS_OF_RATE = `o.tenant_id = $1 AND o.currency = $2
  AND o.ordered_at >= $3::date::timestamp AT TIME ZONE 'UTC'
  AND o.ordered_at < ($3::date + 1)::timestamp AT TIME ZONE 'UTC'`;

const rateKeySchema = z.object({
  currency: currencyCodeSchema,
  date: currencyRateSchema.shape.date,
});

/**
 * The tenant's reporting currency and the rates that convert other currencies into it. The
 * orders' reporting amounts always agree with them: a changed rate converts its day's orders
 * again, a rate in use cannot be deleted, and a new reporting currency converts every order
 * at the stored rates (which are then read as units of the new currency).
 */
export class CurrencyService {
  async settings(op: Operation): Promise<CurrencySettings> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [tenant] = await manager.query(
      'SELECT reporting_currency AS "reportingCurrency" FROM tenant WHERE id = $1',
      [tenantId],
    );
    return tenant;
  }

  /** Rates, newest day first; the cursor is the last day and currency seen. */
  async rates(op: Operation, first: number, after: string | null): Promise<Page<CurrencyRateType>> {
    checkPageSize(first);
    const position = after ? decodeRateCursor(after) : null;
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const rows: Array<CurrencyRateType & { total: number }> = await manager.query(
      `SELECT ${RATE_COLUMNS}, (SELECT count(*) FROM currency_rate WHERE tenant_id = $1)::int AS total
       FROM currency_rate
       WHERE tenant_id = $1 AND ($2::date IS NULL OR rate_date < $2 OR (rate_date = $2 AND currency > $3))
       ORDER BY rate_date DESC, currency
       LIMIT $4`,
      [tenantId, position?.date ?? null, position?.currency ?? null, first + 1],
    );
    const nodes = rows.slice(0, first).map(({ total: _, ...rate }) => rate);
    const last = nodes.at(-1);
    return {
      edges: nodes.map((node) => ({ cursor: rateCursor(node), node })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? rateCursor(last) : null },
      totalCount: rows[0]?.total ?? 0,
    };
  }

  /**
   * Stores (or replaces) a rate, and converts that day's orders in the currency with it. A
   * rate of the reporting currency itself converts nothing until the reporting currency
   * changes: storing those is how a change is prepared.
   */
  async setRate(op: Operation, input: CurrencyRateInput): Promise<CurrencyRateType> {
    const { currency, date, rate } = parseInput(currencyRateSchema, input, 'input');
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const reporting = await reportingCurrencyForWrite(manager, tenantId);
    const [stored] = await manager.query(
      `INSERT INTO currency_rate (tenant_id, currency, rate_date, rate) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, currency, rate_date) DO UPDATE SET rate = EXCLUDED.rate
       RETURNING ${RATE_COLUMNS}`,
      [tenantId, currency, date, rate],
    );
    if (currency !== reporting)
      await manager.query(
        `UPDATE customer_order o SET reporting_amount = round(o.amount * $4::numeric, 4)
         WHERE ${ORDERS_OF_RATE}`,
        [tenantId, currency, date, stored.rate],
      );
    return stored;
  }

  /** Deletes a rate no order is converted with. */
  async deleteRate(op: Operation, currencyText: string, dateText: string): Promise<boolean> {
    const { currency, date } = parseInput(
      rateKeySchema,
      { currency: currencyText, date: dateText },
      'rate',
    );
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [rate] = await manager.query(
      `SELECT CASE WHEN t.reporting_currency = $2 THEN 0
                   ELSE (SELECT count(*) FROM customer_order o WHERE ${ORDERS_OF_RATE}) END::int AS orders
       FROM currency_rate r JOIN tenant t ON t.id = r.tenant_id
       WHERE r.tenant_id = $1 AND r.currency = $2 AND r.rate_date = $3 FOR UPDATE OF r`,
      [tenantId, currency, date],
    );
    if (!rate) throw notFound('Currency rate');
    if (rate.orders > 0)
      throw conflict(
        `${rate.orders} ${currency} orders of ${date} are converted with this rate: it cannot be deleted`,
        'currency',
        'IN_USE',
      );
    await manager.query(
      'DELETE FROM currency_rate WHERE tenant_id = $1 AND currency = $2 AND rate_date = $3',
      [tenantId, currency, date],
    );
    return true;
  }

  /**
   * Makes `currencyText` the reporting currency and converts every order into it at the
   * stored rates, in one transaction; refused, naming `currency` and the first missing
   * rate, when an order in another currency has none for its day.
   */
  async setReportingCurrency(op: Operation, currencyText: string): Promise<CurrencySettings> {
    const currency = parseInput(currencyCodeSchema, currencyText, 'currency');
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    if ((await this.lockedReportingCurrency(op)) === currency)
      return { reportingCurrency: currency };
    const [missing] = await manager.query(
      `SELECT o.currency, ${RATE_DAY_OF_ORDER}::text AS date FROM customer_order o
       WHERE o.tenant_id = $1 AND o.currency <> $2 AND ${RATE_OF_ORDER} IS NULL
       ORDER BY o.ordered_at LIMIT 1`,
      [tenantId, currency],
    );
    if (missing)
      throw badUserInput([
        {
          field: 'currency',
          message: `cannot become the reporting currency: no ${missing.currency} rate to ${currency} is stored for ${missing.date} (store the rates against ${currency} first)`,
          reason: 'MISSING_RATE',
        },
      ]);
    await manager.query('UPDATE tenant SET reporting_currency = $2 WHERE id = $1', [
      tenantId,
      currency,
    ]);
    await manager.query(
      `UPDATE customer_order o
       SET reporting_amount = CASE WHEN o.currency = $2 THEN o.amount ELSE round(o.amount * ${RATE_OF_ORDER}, 4) END
       WHERE o.tenant_id = $1`,
      [tenantId, currency],
    );
    return { reportingCurrency: currency };
  }

  /**
   * The reporting currency, locked until commit against order writers and other changes (not
   * against inserts elsewhere: their foreign keys only share the tenant row's key).
   */
  private async lockedReportingCurrency(op: Operation): Promise<string> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [tenant] = await manager.query(
      'SELECT reporting_currency AS currency FROM tenant WHERE id = $1 FOR NO KEY UPDATE',
      [tenantId],
    );
    return tenant.currency;
  }
}

function rateCursor(rate: CurrencyRateType): string {
  return Buffer.from(`${rate.date} ${rate.currency}`).toString('base64url');
}

function decodeRateCursor(cursor: string): { date: string; currency: string } {
  const [date, currency] = Buffer.from(cursor, 'base64url').toString().split(' ');
  if (!date || !currency || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^[A-Z]{3}$/.test(currency))
    throw badUserInput([{ field: 'after', message: 'is not a valid cursor' }]);
  return { date, currency };
}
