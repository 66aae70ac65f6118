import type { Operation } from '../../platform/database/operation-scope.js';

/** Version of the document's layout, for whoever reads it by machine. */
export const PERSONAL_DATA_FORMAT = 'socialcrm.personal-data/1';

/** Rows a section of the document holds, by table. */
export type RowCounts = Record<string, number>;

/**
 * Every table's rows about one contact, each section named by its table, columns as stored
 * (ids, timestamps in ISO 8601, exact decimals). Built by PostgreSQL as text in one statement,
 * so it is one consistent snapshot and no decimal passes through a float.
 */
const DOCUMENT = `
  WITH subject AS (
    SELECT c.* FROM contact c WHERE c.tenant_id = $1 AND c.id = $2
  ), identity AS (
    SELECT i.* FROM social_identity i WHERE i.tenant_id = $1 AND i.contact_id = $2
  ), sections AS (
    SELECT
      (SELECT to_jsonb(s) - 'tenant_id' - 'search_document' FROM subject s) AS contact,
      coalesce((SELECT jsonb_agg(to_jsonb(i) - 'tenant_id' ORDER BY i.channel, i.handle) FROM identity i), '[]') AS social_identity,
      coalesce((SELECT jsonb_agg((to_jsonb(cc) - 'tenant_id') || jsonb_build_object('company_name', co.name) ORDER BY co.name)
                FROM contact_company cc JOIN company co ON co.tenant_id = cc.tenant_id AND co.id = cc.company_id
                WHERE cc.tenant_id = $1 AND cc.contact_id = $2), '[]') AS contact_company,
      coalesce((SELECT jsonb_agg((to_jsonb(t) - 'tenant_id') || jsonb_build_object('note_versions',
                  coalesce((SELECT jsonb_agg(to_jsonb(v) - 'tenant_id' ORDER BY v.version) FROM timeline_note_version v
                            WHERE v.tenant_id = t.tenant_id AND v.event_id = t.id), '[]')) ORDER BY t.occurred_at, t.id)
                FROM timeline_event t WHERE t.tenant_id = $1 AND t.contact_id = $2), '[]') AS timeline_event,
      coalesce((SELECT jsonb_agg((to_jsonb(o) - 'tenant_id') || jsonb_build_object('lines',
                  coalesce((SELECT jsonb_agg(to_jsonb(l) - 'tenant_id' ORDER BY l.position) FROM order_line l
                            WHERE l.tenant_id = o.tenant_id AND l.order_id = o.id), '[]')) ORDER BY o.ordered_at, o.id)
                FROM customer_order o WHERE o.tenant_id = $1 AND o.contact_id = $2), '[]') AS customer_order,
      coalesce((SELECT jsonb_agg(to_jsonb(e) - 'tenant_id' ORDER BY e.occurred_at, e.id)
                FROM engagement_event e WHERE e.tenant_id = $1 AND e.contact_id = $2), '[]') AS engagement_event,
      coalesce((SELECT jsonb_agg(to_jsonb(m) - 'tenant_id' - 'search' ORDER BY m.published_at, m.id)
                FROM mention m WHERE m.tenant_id = $1 AND m.author_identity_id IN (SELECT id FROM identity)), '[]') AS mention,
      coalesce((SELECT jsonb_agg(to_jsonb(p) - 'tenant_id' ORDER BY p.requested_at, p.id)
                FROM privacy_request p WHERE p.tenant_id = $1 AND p.contact_id = $2), '[]') AS privacy_request
  )
  SELECT
    jsonb_build_object('format', $3::text, 'exported_at', now(), 'tenant_id', $1::uuid, 'contact_id', $2::uuid,
      'contact', s.contact, 'social_identity', s.social_identity, 'contact_company', s.contact_company,
      'timeline_event', s.timeline_event, 'customer_order', s.customer_order,
      'engagement_event', s.engagement_event, 'mention', s.mention, 'privacy_request', s.privacy_request)::text AS document,
    jsonb_build_object('contact', 1, 'social_identity', jsonb_array_length(s.social_identity),
      'contact_company', jsonb_array_length(s.contact_company), 'timeline_event', jsonb_array_length(s.timeline_event),
      'timeline_note_version', (SELECT coalesce(sum(jsonb_array_length(t -> 'note_versions')), 0) FROM jsonb_array_elements(s.timeline_event) t),
      'customer_order', jsonb_array_length(s.customer_order), 'engagement_event', jsonb_array_length(s.engagement_event),
      'mention', jsonb_array_length(s.mention)) AS counts
  FROM sections s WHERE s.contact IS NOT NULL`;

/** Everything held about a contact as one JSON document, and its rows by table; null when no such contact. */
export async function personalData(
  op: Operation,
  contactId: string,
): Promise<{ document: string; counts: RowCounts } | null> {
  const rows: Array<{ document: string; counts: RowCounts }> = await (await op.manager()).query(
    DOCUMENT,
    [await op.tenantId(), contactId, PERSONAL_DATA_FORMAT],
  );
  return rows[0] ?? null;
}
