import type { EntityManager } from 'typeorm';
import { newId } from '../../platform/database/new-id.js';
import type { RowProblem } from '../../platform/import/import-target.js';

/** Whose order or email event it is, as a record names them (one of the three at least). */
export interface ContactReference {
  readonly contactId?: string | null;
  readonly contactExternalId?: string | null;
  readonly contactEmail?: string | null;
}

/** A contact found (or made), or why the reference names none. */
export type ResolvedContact = { readonly contactId: string } | { readonly problem: RowProblem };

/**
 * Finds the contacts a batch of records names, in a few statements whatever the batch size:
 * by id (which must exist in the tenant), else by external id, else by email (the oldest
 * contact with it). An unknown external id or email gets a minimal contact carrying just
 * that (and the email, when both are given), named after it; in a dry run nothing is made and
 * the would-be contact gets a fresh id.
 */
export async function resolveContacts(
  manager: EntityManager,
  tenantId: string,
  references: readonly ContactReference[],
  dryRun: boolean,
): Promise<ResolvedContact[]> {
  const byExternalId = new Map<string, string>();
  const byEmail = new Map<string, string>();
  const ids = unique(references.map((ref) => ref.contactId));
  const externalIds = unique(
    references.map((ref) => (ref.contactId ? null : ref.contactExternalId)),
  );
  const emails = unique(
    references.map((ref) => (ref.contactId || ref.contactExternalId ? null : ref.contactEmail)),
  );
  const knownIds = new Set<string>(
    ids.length
      ? (
          await manager.query(
            'SELECT id FROM contact WHERE tenant_id = $1 AND id = ANY ($2::uuid[])',
            [tenantId, ids],
          )
        ).map((row: { id: string }) => row.id)
      : [],
  );
  if (externalIds.length) {
    const rows: Array<{ id: string; key: string }> = await manager.query(
      `SELECT id, external_id AS key FROM contact WHERE tenant_id = $1 AND external_id = ANY ($2::text[])`,
      [tenantId, externalIds],
    );
    for (const row of rows) byExternalId.set(row.key, row.id);
  }
  if (emails.length) {
    const rows: Array<{ id: string; key: string }> = await manager.query(
      `SELECT DISTINCT ON (email) email AS key, c.id
       FROM contact c CROSS JOIN LATERAL unnest(c.emails) AS email
       WHERE c.tenant_id = $1 AND c.emails && $2::text[] AND email = ANY ($2::text[])
       ORDER BY email, c.id`,
      [tenantId, emails],
    );
    for (const row of rows) byEmail.set(row.key, row.id);
  }
  const newcomers = new Map<string, { externalId: string | null; email: string | null }>();
  for (const ref of references) {
    if (ref.contactId) continue;
    if (ref.contactExternalId && !byExternalId.has(ref.contactExternalId))
      newcomers.set(`x:${ref.contactExternalId}`, {
        externalId: ref.contactExternalId,
        email: ref.contactEmail ?? null,
      });
    else if (!ref.contactExternalId && ref.contactEmail && !byEmail.has(ref.contactEmail))
      newcomers.set(`e:${ref.contactEmail}`, { externalId: null, email: ref.contactEmail });
  }
  const made = dryRun
    ? [...newcomers.values()].map((newcomer) => ({ ...newcomer, id: newId() }))
    : await createContacts(manager, tenantId, [...newcomers.values()]);
  for (const contact of made) {
    if (contact.externalId) byExternalId.set(contact.externalId, contact.id);
    else if (contact.email) byEmail.set(contact.email, contact.id);
  }
  return references.map((ref): ResolvedContact => {
    if (ref.contactId)
      return knownIds.has(ref.contactId)
        ? { contactId: ref.contactId }
        : { problem: { field: 'contactId', message: 'is not a contact of this tenant' } };
    const id = ref.contactExternalId
      ? byExternalId.get(ref.contactExternalId)
      : ref.contactEmail
        ? byEmail.get(ref.contactEmail)
        : undefined;
    return id
      ? { contactId: id }
      : { problem: { field: 'contactExternalId', message: 'names no contact' } };
  });
}

/**
 * Minimal contacts for unknown external ids and emails. An external id another transaction
 * took meanwhile is found again rather than duplicated (its unique index decides).
 */
async function createContacts(
  manager: EntityManager,
  tenantId: string,
  newcomers: ReadonlyArray<{ externalId: string | null; email: string | null }>,
): Promise<Array<{ id: string; externalId: string | null; email: string | null }>> {
  if (!newcomers.length) return [];
  const made: Array<{ id: string; externalId: string | null; email: string | null }> =
    await manager.query(
      `INSERT INTO contact (tenant_id, id, display_name, external_id, emails)
       SELECT $1, n.id, coalesce(n.email, n.external_id), n.external_id,
              CASE WHEN n.email IS NULL THEN '{}'::text[] ELSE ARRAY[n.email] END
       FROM unnest($2::uuid[], $3::text[], $4::text[]) AS n(id, external_id, email)
       ON CONFLICT (tenant_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
       RETURNING id, external_id AS "externalId", emails[1] AS email`,
      [
        tenantId,
        newcomers.map(() => newId()),
        newcomers.map((newcomer) => newcomer.externalId),
        newcomers.map((newcomer) => newcomer.email),
      ],
    );
  const madeKeys = new Set(made.map((row) => row.externalId));
  const taken = newcomers
    .map((newcomer) => newcomer.externalId)
    .filter((key): key is string => key !== null && !madeKeys.has(key));
  if (taken.length)
    made.push(
      ...(await manager.query(
        `SELECT id, external_id AS "externalId", NULL AS email FROM contact
         WHERE tenant_id = $1 AND external_id = ANY ($2::text[])`,
        [tenantId, taken],
      )),
    );
  return made;
}

function unique(values: ReadonlyArray<string | null | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => Boolean(value)))];
}
