import type { Operation } from '../../platform/database/operation-scope.js';
import type { RowCounts } from './personal-data.js';

/** What an UPDATE or DELETE answers through TypeORM: its rows and how many it touched. */
type Touched = [unknown[], number];

/**
 * Erases a contact inside the caller's transaction; answers the rows removed or anonymised by
 * table, or null when there is no such contact. Personal data goes; the tenant's figures stay:
 * - the contact, its identities, its company links, its timeline (note versions with it) are
 *   deleted;
 * - its orders stay as anonymous figures: no contact, the order number (the link back to the
 *   person in the shop's own records) replaced; amounts, currency, date and lines (products,
 *   nothing personal) stay, so revenue per tenant is unchanged;
 * - its email events stay unlinked (campaign figures unchanged);
 * - the mentions its identities wrote are personal data (their text, their link, the post's id
 *   on the network): they stay as anonymous figures, like orders, with the text emptied, no
 *   author, no URL and the post id replaced, so mention volume, sentiment, reach and share of
 *   voice stay true; the words leave the top terms and the identity leaves the top authors.
 */
export async function eraseContact(op: Operation, contactId: string): Promise<RowCounts | null> {
  const manager = await op.manager();
  const params = [await op.tenantId(), contactId];
  const locked: unknown[] = await manager.query(
    'SELECT id FROM contact WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
    params,
  );
  if (!locked.length) return null;
  const touched = async (sql: string): Promise<number> =>
    ((await manager.query(sql, params)) as Touched)[1];
  const counted = async (sql: string): Promise<number> =>
    ((await manager.query(sql, params)) as Array<{ count: number }>)[0]?.count ?? 0;

  const mention = await touched(
    `UPDATE mention SET author_identity_id = NULL, body = '', url = NULL,
            external_id = 'erased:' || id, updated_at = now()
     WHERE tenant_id = $1 AND author_identity_id IN
       (SELECT id FROM social_identity WHERE tenant_id = $1 AND contact_id = $2)`,
  );
  const timelineNoteVersion = await counted(
    `SELECT count(*)::int AS count FROM timeline_note_version v
     JOIN timeline_event t ON t.tenant_id = v.tenant_id AND t.id = v.event_id
     WHERE t.tenant_id = $1 AND t.contact_id = $2`,
  );
  const timelineEvent = await touched(
    'DELETE FROM timeline_event WHERE tenant_id = $1 AND contact_id = $2',
  );
  const customerOrder = await touched(
    `UPDATE customer_order SET contact_id = NULL, external_id = 'erased:' || id
     WHERE tenant_id = $1 AND contact_id = $2`,
  );
  const engagementEvent = await touched(
    'UPDATE engagement_event SET contact_id = NULL WHERE tenant_id = $1 AND contact_id = $2',
  );
  const contactCompany = await touched(
    'DELETE FROM contact_company WHERE tenant_id = $1 AND contact_id = $2',
  );
  const socialIdentity = await touched(
    'DELETE FROM social_identity WHERE tenant_id = $1 AND contact_id = $2',
  );
  const contact = await touched('DELETE FROM contact WHERE tenant_id = $1 AND id = $2');
  return {
    contact,
    social_identity: socialIdentity,
    contact_company: contactCompany,
    timeline_event: timelineEvent,
    timeline_note_version: timelineNoteVersion,
    customer_order: customerOrder,
    engagement_event: engagementEvent,
    mention,
  };
}
