import type { EntityManager } from 'typeorm';
import { type CountsBook, type ReportScope, scopeParams } from './period-counts.js';

/**
 * The email sends of both periods and how each fared, for every tenant of the scope. A send is
 * a recipient of a campaign with a SENT event in the period; it bounced, was opened or clicked
 * when such an event of that recipient and campaign followed (at any time until now). Counting
 * sends rather than raw events keeps opens unique and every rate's numerator inside its base;
 * a bounced send counts as neither opened nor clicked. Events of deleted contacts (no contact)
 * cannot be tied to their send and are left out.
 */
export async function readEmailCounts(
  manager: EntityManager,
  scope: ReportScope,
  book: CountsBook,
): Promise<void> {
  const rows: Array<{
    tenant_id: string;
    current: boolean;
    sent: number;
    bounced: number;
    opened: number;
    clicked: number;
  }> = await manager.query(
    `WITH send AS (
       SELECT s.tenant_id, s.contact_id, coalesce(s.campaign, '') AS campaign,
              s.occurred_at >= $3 AS current, min(s.occurred_at) AS sent_at
       FROM engagement_event s
       WHERE s.tenant_id = ANY ($1::uuid[]) AND s.kind = 'SENT'
         AND s.occurred_at >= $2 AND s.occurred_at < $4 AND s.contact_id IS NOT NULL
       GROUP BY 1, 2, 3, 4
     ), outcome AS (
       SELECT s.tenant_id, s.current,
              bool_or(e.kind = 'BOUNCED') AS bounced,
              bool_or(e.kind = 'OPENED') AS opened,
              bool_or(e.kind = 'CLICKED') AS clicked
       FROM send s
       LEFT JOIN engagement_event e
         ON e.tenant_id = s.tenant_id AND e.contact_id = s.contact_id
        AND coalesce(e.campaign, '') = s.campaign AND e.occurred_at >= s.sent_at
        AND e.occurred_at >= $2
        AND e.kind IN ('BOUNCED', 'OPENED', 'CLICKED')
       GROUP BY s.tenant_id, s.current, s.contact_id, s.campaign
     )
     SELECT tenant_id, current, count(*)::int AS sent,
            count(*) FILTER (WHERE bounced)::int AS bounced,
            count(*) FILTER (WHERE opened AND NOT bounced)::int AS opened,
            count(*) FILTER (WHERE clicked AND NOT bounced)::int AS clicked
     FROM outcome GROUP BY 1, 2`,
    scopeParams(scope),
  );
  for (const row of rows) {
    const counts = book.at(row.tenant_id, row.current);
    counts.emailsSent = row.sent;
    counts.emailsBounced = row.bounced;
    counts.emailsOpened = row.opened;
    counts.emailsClicked = row.clicked;
  }
}
