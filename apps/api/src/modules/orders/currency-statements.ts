import type { EntityManager } from 'typeorm';

/** The day whose rate converts an order: its UTC calendar date, `YYYY-MM-DD`. */
export const rateDay = (orderedAt: Date): string => orderedAt.toISOString().slice(0, 10);

/** The same day in SQL, for orders already stored. */
export const RATE_DAY_OF_ORDER = `(o.ordered_at AT TIME ZONE 'UTC')::date`;

/**
 * The tenant's reporting currency, held (FOR SHARE) until the writing transaction ends: a
 * change of it waits for orders being converted, and then converts them too.
 */
export async function reportingCurrencyForWrite(
  manager: EntityManager,
  tenantId: string,
): Promise<string> {
  const [tenant] = await manager.query(
    'SELECT reporting_currency AS currency FROM tenant WHERE id = $1 FOR SHARE',
    [tenantId],
  );
  return tenant.currency;
}
