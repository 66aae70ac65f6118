import type { Operation } from '../../platform/database/operation-scope.js';
import { notFound } from '../../platform/errors/app-error.js';
import {
  checkPageSize,
  decodeCursor,
  type Page,
  toPage,
} from '../../platform/graphql/connection.js';
import { requireId } from '../../platform/graphql/validation.js';
import type { OrderFilter, OrderType } from './order.type.js';

const ORDER_COLUMNS = `o.id, o.external_id AS "externalId", o.contact_id AS "contactId", o.ordered_at AS "orderedAt",
  o.amount::text AS amount, o.currency, o.reporting_amount::text AS "reportingAmount", o.item_count AS "itemCount",
  (SELECT coalesce(json_agg(json_build_object('sku', l.sku, 'name', l.name, 'quantity', l.quantity::int,
                                              'unitPrice', l.unit_price::text) ORDER BY l.position), '[]')
   FROM order_line l WHERE l.tenant_id = o.tenant_id AND l.order_id = o.id) AS lines`;

const MATCHES_FILTER = `o.tenant_id = $1 AND ($2::uuid IS NULL OR o.contact_id = $2)
  AND ($3::timestamptz IS NULL OR o.ordered_at >= $3) AND ($4::timestamptz IS NULL OR o.ordered_at < $4)`;

/** Orders as the tenant's users read them: newest placed first. */
export class OrderQueryService {
  async page(
    op: Operation,
    first: number,
    after: string | null,
    filter: OrderFilter | null,
  ): Promise<Page<OrderType>> {
    checkPageSize(first);
    const cursor = after ? decodeCursor(after).id : null;
    const contactId = filter?.contactId ? requireId(filter.contactId, 'filter.contactId') : null;
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const rows: Array<OrderType & { total: number }> = await manager.query(
      `SELECT ${ORDER_COLUMNS}, (SELECT count(*) FROM customer_order o WHERE ${MATCHES_FILTER})::int AS total
       FROM customer_order o
       WHERE ${MATCHES_FILTER}
         AND ($5::uuid IS NULL OR (o.ordered_at, o.id) <
              (SELECT c.ordered_at, c.id FROM customer_order c WHERE c.tenant_id = $1 AND c.id = $5))
       ORDER BY o.ordered_at DESC, o.id DESC
       LIMIT $6`,
      [tenantId, contactId, filter?.from ?? null, filter?.to ?? null, cursor, first + 1],
    );
    return toPage(rows, first, rows[0]?.total ?? 0);
  }

  async get(op: Operation, id: string): Promise<OrderType> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [order] = await manager.query(
      `SELECT ${ORDER_COLUMNS} FROM customer_order o WHERE o.tenant_id = $1 AND o.id = $2`,
      [tenantId, requireId(id)],
    );
    if (!order) throw notFound('Order');
    return order;
  }
}
