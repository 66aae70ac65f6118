/**
 * A contact's last activity: the latest thing it did — a mention or reply, an opened or clicked
 * email, a call or meeting, an order — never what the system or an agent wrote about it (stage
 * and segment changes, notes, edits, merges). A contact that never did anything counts from its
 * creation. `c` is the contact's alias.
 */
export const LAST_ACTIVITY_SQL = `coalesce(greatest(
  (SELECT max(t.occurred_at) FROM timeline_event t
    WHERE t.tenant_id = c.tenant_id AND t.contact_id = c.id
      AND t.kind IN ('MENTION', 'REPLY', 'EMAIL_OPENED', 'EMAIL_CLICKED', 'CALL', 'MEETING', 'ORDER')),
  (SELECT max(o.ordered_at) FROM customer_order o WHERE o.tenant_id = c.tenant_id AND o.contact_id = c.id),
  (SELECT max(e.occurred_at) FROM engagement_event e
    WHERE e.tenant_id = c.tenant_id AND e.contact_id = c.id AND e.kind IN ('OPENED', 'CLICKED'))),
  c.created_at)`;

/** When the contact entered its current stage (`c` is the contact's alias). */
export const STAGE_ENTERED_SQL = `(SELECT max(h.changed_at) FROM lifecycle_stage_change h
  WHERE h.tenant_id = c.tenant_id AND h.contact_id = c.id AND h.to_stage = c.lifecycle_stage)`;
