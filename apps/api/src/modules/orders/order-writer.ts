import { type OrderRecord, orderSchema } from '@socialcrm/validation';
import type { EntityManager } from 'typeorm';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import type {
  ImportCause,
  ImportField,
  ImportTarget,
  RowOutcome,
} from '../../platform/import/import-target.js';
import { TimelineEventKind, type TimelineService } from '../timeline/index.js';
import { resolveContacts } from './contact-references.js';
import { rateDay, reportingCurrencyForWrite } from './currency-statements.js';
import {
  acceptInserted,
  acceptStored,
  BatchOutcomes,
  type Checked,
  TIMELINE_CAUSE_OF,
} from './record-batch.js';

/** The columns a CSV file's orders can fill (lines come only through GraphQL and NDJSON). */
const ORDER_FIELDS: readonly ImportField[] = [
  { key: 'externalId', label: 'Order id', required: true, type: 'TEXT' },
  { key: 'contactExternalId', label: 'Customer id', required: false, type: 'TEXT' },
  { key: 'contactEmail', label: 'Customer email', required: false, type: 'TEXT' },
  { key: 'contactId', label: 'Contact id (CRM)', required: false, type: 'TEXT' },
  { key: 'orderedAt', label: 'Order date', required: true, type: 'DATETIME' },
  { key: 'amount', label: 'Amount', required: true, type: 'DECIMAL' },
  { key: 'currency', label: 'Currency (ISO 4217)', required: true, type: 'TEXT' },
  { key: 'itemCount', label: 'Item count', required: false, type: 'NUMBER' },
];

/** What `numeric(19, 4)` holds before the point, as a bound on converted amounts. */
const MAX_REPORTING_AMOUNT = 1e15 - 1;

/** An order ready to insert. */
interface NewOrder extends Checked<OrderRecord> {
  readonly id: string;
  readonly contactId: string;
  readonly rateDay: string;
}

const INSERT_ORDERS = `INSERT INTO customer_order (tenant_id, id, external_id, contact_id, ordered_at, amount, currency,
                                    reporting_amount, item_count)
  SELECT $1, n.id, n.external_id, n.contact_id, n.ordered_at, n.amount, n.currency,
         CASE WHEN n.currency = $2 THEN n.amount ELSE round(n.amount * r.rate, 4) END, n.item_count
  FROM unnest($3::uuid[], $4::text[], $5::uuid[], $6::timestamptz[], $7::numeric[], $8::text[], $9::int[], $10::date[])
    AS n(id, external_id, contact_id, ordered_at, amount, currency, item_count, rate_date)
  LEFT JOIN currency_rate r ON r.tenant_id = $1 AND r.currency = n.currency AND r.rate_date = n.rate_date
  ON CONFLICT (tenant_id, external_id) DO NOTHING
  RETURNING id, reporting_amount::text AS "reportingAmount"`;

const INSERT_LINES = `INSERT INTO order_line (tenant_id, order_id, position, sku, name, quantity, unit_price)
  SELECT $1, * FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::numeric[], $7::numeric[])`;

/**
 * Orders in, from GraphQL, NDJSON and CSV alike: checked row by row, written in a handful of
 * statements per batch whatever its size, idempotent on the external id (a known one changes
 * nothing and answers the stored order). Amounts stay decimal text into `numeric`; an order
 * in another currency than the tenant's reporting one is converted in SQL at the rate stored
 * for its UTC day, or refused on `currency`. Each new order appends an ORDER timeline entry.
 */
export class OrderWriter implements ImportTarget {
  readonly entity = 'ORDERS' as const;

  constructor(private readonly timeline: TimelineService) {}

  async fields(): Promise<readonly ImportField[]> {
    return ORDER_FIELDS;
  }

  async writeBatch(
    op: Operation,
    rows: readonly Readonly<Record<string, unknown>>[],
    { dryRun, cause }: { readonly dryRun: boolean; readonly cause: ImportCause },
  ): Promise<RowOutcome[]> {
    const batch = new BatchOutcomes(orderSchema, rows);
    if (!batch.firsts.length) return batch.finish();
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    await acceptStored(manager, 'customer_order', tenantId, batch);
    const reporting = await reportingCurrencyForWrite(manager, tenantId);
    const convertible = await this.refuseWithoutRate(manager, tenantId, reporting, batch);
    const contacts = await resolveContacts(
      manager,
      tenantId,
      convertible.map(({ record }) => record),
      dryRun,
    );
    const orders: NewOrder[] = [];
    convertible.forEach((order, at) => {
      const contact = contacts[at];
      if (contact && 'problem' in contact) batch.refuse(order.index, contact.problem);
      else if (contact)
        orders.push({
          ...order,
          id: newId(),
          contactId: contact.contactId,
          rateDay: rateDay(order.record.orderedAt),
        });
    });
    if (dryRun) for (const order of orders) batch.accept(order.index, order.id, true);
    else await this.insert(op, manager, tenantId, reporting, orders, batch, cause);
    return batch.finish();
  }

  /** Refuses the orders whose conversion has no stored rate; answers the others. */
  private async refuseWithoutRate(
    manager: EntityManager,
    tenantId: string,
    reporting: string,
    batch: BatchOutcomes<OrderRecord>,
  ): Promise<Checked<OrderRecord>[]> {
    const pending = batch.pending();
    const foreign = pending.filter(({ record }) => record.currency !== reporting);
    if (!foreign.length) return pending;
    // Locked so that the rates cannot go away before these orders are converted with them.
    const found: Array<{ key: string; rate: string }> = await manager.query(
      `SELECT r.currency || ' ' || r.rate_date::text AS key, r.rate::text AS rate
       FROM currency_rate r
       JOIN unnest($2::text[], $3::date[]) AS n(currency, rate_date)
         ON r.currency = n.currency AND r.rate_date = n.rate_date
       WHERE r.tenant_id = $1
       FOR SHARE OF r`,
      [
        tenantId,
        foreign.map(({ record }) => record.currency),
        foreign.map(({ record }) => rateDay(record.orderedAt)),
      ],
    );
    const rates = new Map(found.map((row) => [row.key, row.rate]));
    return pending.filter(({ index, record }) => {
      if (record.currency === reporting) return true;
      const day = rateDay(record.orderedAt);
      const rate = rates.get(`${record.currency} ${day}`);
      if (!rate)
        batch.refuse(index, {
          field: 'currency',
          message: `has no rate to ${reporting} stored for ${day}: store the ${record.currency} rate of that day first`,
        });
      // The converted amount must fit its column too (a rough product decides: the limit is far).
      else if (Math.abs(Number(record.amount) * Number(rate)) >= MAX_REPORTING_AMOUNT)
        batch.refuse(index, {
          field: 'amount',
          message: `is too large once converted to ${reporting}`,
        });
      else return true;
      return false;
    });
  }

  private async insert(
    op: Operation,
    manager: EntityManager,
    tenantId: string,
    reporting: string,
    orders: readonly NewOrder[],
    batch: BatchOutcomes<OrderRecord>,
    cause: ImportCause,
  ): Promise<void> {
    if (!orders.length) return;
    const column = <T>(pick: (order: NewOrder) => T) => orders.map(pick);
    const inserted: Array<{ id: string; reportingAmount: string }> = await manager.query(
      INSERT_ORDERS,
      [
        tenantId,
        reporting,
        column((order) => order.id),
        column((order) => order.record.externalId),
        column((order) => order.contactId),
        column((order) => order.record.orderedAt),
        column((order) => order.record.amount),
        column((order) => order.record.currency),
        column((order) => order.record.itemCount),
        column((order) => order.rateDay),
      ],
    );
    const reportingAmounts = new Map(inserted.map((row) => [row.id, row.reportingAmount]));
    const written = await acceptInserted(
      manager,
      'customer_order',
      tenantId,
      batch,
      orders,
      new Set(reportingAmounts.keys()),
    );
    await insertLines(manager, tenantId, written);
    const actorId = cause === 'USER' ? (await op.access()).userId : null;
    await this.timeline.recordMany(
      op,
      written.map((order) => ({
        contactId: order.contactId,
        kind: TimelineEventKind.ORDER,
        cause: TIMELINE_CAUSE_OF[cause],
        actorId,
        subjectId: order.id,
        occurredAt: order.record.orderedAt,
        data: {
          amount: order.record.amount,
          currency: order.record.currency,
          reportingAmount: reportingAmounts.get(order.id),
          itemCount: order.record.itemCount,
        },
      })),
    );
  }
}

async function insertLines(
  manager: EntityManager,
  tenantId: string,
  orders: readonly NewOrder[],
): Promise<void> {
  const lines = orders.flatMap((order) =>
    order.record.lines.map((line, position) => ({ orderId: order.id, position, ...line })),
  );
  if (!lines.length) return;
  await manager.query(INSERT_LINES, [
    tenantId,
    lines.map((line) => line.orderId),
    lines.map((line) => line.position),
    lines.map((line) => line.sku),
    lines.map((line) => line.name),
    lines.map((line) => line.quantity),
    lines.map((line) => line.unitPrice),
  ]);
}
