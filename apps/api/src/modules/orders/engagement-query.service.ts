import type { Operation } from '../../platform/database/operation-scope.js';
import {
  checkPageSize,
  decodeCursor,
  type Page,
  toPage,
} from '../../platform/graphql/connection.js';
import { requireId } from '../../platform/graphql/validation.js';
import type { EngagementEventFilter, EngagementEventType } from './engagement.type.js';

const MATCHES_FILTER = `e.tenant_id = $1 AND ($2::uuid IS NULL OR e.contact_id = $2)
  AND ($3::text[] IS NULL OR e.kind = ANY ($3::text[]))`;

/** Email engagement events as the tenant's users read them: latest first. */
export class EngagementQueryService {
  async page(
    op: Operation,
    first: number,
    after: string | null,
    filter: EngagementEventFilter | null,
  ): Promise<Page<EngagementEventType>> {
    checkPageSize(first);
    const cursor = after ? decodeCursor(after).id : null;
    const contactId = filter?.contactId ? requireId(filter.contactId, 'filter.contactId') : null;
    const kinds = filter?.kinds?.length ? filter.kinds : null;
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const rows: Array<EngagementEventType & { total: number }> = await manager.query(
      `SELECT e.id, e.external_id AS "externalId", e.contact_id AS "contactId", e.kind, e.campaign, e.url,
              e.occurred_at AS "occurredAt",
              (SELECT count(*) FROM engagement_event e WHERE ${MATCHES_FILTER})::int AS total
       FROM engagement_event e
       WHERE ${MATCHES_FILTER}
         AND ($4::uuid IS NULL OR (e.occurred_at, e.id) <
              (SELECT c.occurred_at, c.id FROM engagement_event c WHERE c.tenant_id = $1 AND c.id = $4))
       ORDER BY e.occurred_at DESC, e.id DESC
       LIMIT $5`,
      [tenantId, contactId, kinds, cursor, first + 1],
    );
    return toPage(rows, first, rows[0]?.total ?? 0);
  }

  async get(op: Operation, id: string): Promise<EngagementEventType> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [event] = await manager.query(
      `SELECT id, external_id AS "externalId", contact_id AS "contactId", kind, campaign, url,
              occurred_at AS "occurredAt"
       FROM engagement_event WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return event;
  }
}
