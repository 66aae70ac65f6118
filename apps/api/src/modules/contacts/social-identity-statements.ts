import { newId } from '../../platform/database/new-id.js';

// The ingest benchmark replays these as they are.

/**
 * New authors are inserted; known ones are updated only when something changed, so a
 * popular author's row is not locked by every concurrent batch that mentions them.
 */
export const UPSERT_AUTHORS = `WITH incoming AS (
         SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[])
           AS a(id, channel, handle, display_name, followers)
       ), inserted AS (
         INSERT INTO social_identity (tenant_id, id, channel, handle, display_name, followers)
         SELECT $1, id, channel, handle, display_name, followers FROM incoming
         ON CONFLICT (tenant_id, channel, handle) DO NOTHING
         RETURNING id, channel, handle, contact_id
       ), changed AS (
         UPDATE social_identity s
            SET followers = coalesce(i.followers, s.followers),
                display_name = coalesce(i.display_name, s.display_name), updated_at = now()
           FROM incoming i
          WHERE s.tenant_id = $1 AND s.channel = i.channel AND s.handle = i.handle
            AND (s.followers, s.display_name)
                IS DISTINCT FROM (coalesce(i.followers, s.followers), coalesce(i.display_name, s.display_name))
       )
       SELECT id, channel, handle, contact_id AS "contactId" FROM inserted
       UNION ALL
       SELECT s.id, s.channel, s.handle, s.contact_id FROM social_identity s
       JOIN incoming i ON s.tenant_id = $1 AND s.channel = i.channel AND s.handle = i.handle`;

/** An author as UPSERT_AUTHORS takes it (handle without its @, lower-cased). */
export interface AuthorUpsert {
  readonly channel: string;
  readonly handle: string;
  readonly displayName: string | null;
  readonly followers: number | null;
}

/** UPSERT_AUTHORS's parameters, in its order; authors new to the tenant get these ids. */
export function upsertAuthorsParams(tenantId: string, authors: readonly AuthorUpsert[]): unknown[] {
  return [
    tenantId,
    authors.map(() => newId()),
    authors.map((author) => author.channel),
    authors.map((author) => author.handle),
    authors.map((author) => author.displayName),
    authors.map((author) => author.followers),
  ];
}
