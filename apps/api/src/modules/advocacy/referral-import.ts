import { issueReason, referralRecordSchema } from '@socialcrm/validation';
import type { EntityManager } from 'typeorm';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import type {
  ImportCause,
  ImportField,
  ImportTarget,
  RowOutcome,
} from '../../platform/import/import-target.js';
import { referralProblem, referrerMap } from './referral.service.js';
import { lockReferrals } from './referral-graph.js';

/** The columns a CSV file of referrals can fill. */
const REFERRAL_FIELDS: readonly ImportField[] = [
  { key: 'referrer', label: 'Referrer (customer id or email)', required: true, type: 'TEXT' },
  { key: 'referred', label: 'Referred (customer id or email)', required: true, type: 'TEXT' },
  { key: 'referredAt', label: 'When', required: false, type: 'DATETIME' },
  { key: 'source', label: 'Source', required: false, type: 'TEXT' },
];

/**
 * Referrals from CSV: each side is a contact named by its external id, else by email (the
 * oldest contact with it); unknown contacts are not made up. A row repeating a stored referral
 * changes nothing; self-referrals, a second referrer and cycles (within the file too) are
 * refused row by row, never failing the batch.
 */
export class ReferralImport implements ImportTarget {
  readonly entity = 'REFERRALS' as const;

  async fields(): Promise<readonly ImportField[]> {
    return REFERRAL_FIELDS;
  }

  async writeBatch(
    op: Operation,
    rows: readonly Readonly<Record<string, unknown>>[],
    { dryRun, cause }: { readonly dryRun: boolean; readonly cause: ImportCause },
  ): Promise<RowOutcome[]> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const parsed = rows.map((row) => referralRecordSchema.safeParse(withoutBlanks(row)));
    const contacts = await findContacts(
      manager,
      tenantId,
      parsed.flatMap((p) => (p.success ? [p.data.referrer, p.data.referred] : [])),
    );
    await lockReferrals(manager, tenantId);
    const referrerOf = await referrerMap(manager, tenantId);
    const stored = new Map<string, string>(
      (
        await manager.query(
          'SELECT referred_id AS referred, id FROM referral WHERE tenant_id = $1',
          [tenantId],
        )
      ).map((row: { referred: string; id: string }) => [row.referred, row.id]),
    );
    const inserts: Array<{
      id: string;
      referrer: string;
      referred: string;
      at: Date | null;
      source: string | null;
    }> = [];
    const outcomes = parsed.map((p): RowOutcome => {
      if (!p.success)
        return {
          ok: false,
          problems: p.error.issues.map((issue) => ({
            field: issue.path.map(String).join('.') || 'row',
            message: issue.message,
            ...issueReason(issue),
          })),
        };
      const referrer = contacts.get(p.data.referrer);
      const referred = contacts.get(p.data.referred);
      const unknown = [
        ...(referrer ? [] : [{ field: 'referrer', message: 'names no contact' }]),
        ...(referred ? [] : [{ field: 'referred', message: 'names no contact' }]),
      ];
      if (!referrer || !referred) return { ok: false, problems: unknown };
      if (referrerOf.get(referred) === referrer)
        return { ok: true, id: stored.get(referred) ?? '', created: false };
      const problem = referralProblem(referrerOf, referrer, referred);
      if (problem)
        return { ok: false, problems: [{ field: 'referred', message: problem.message }] };
      const id = newId();
      referrerOf.set(referred, referrer);
      stored.set(referred, id);
      inserts.push({
        id,
        referrer,
        referred,
        at: p.data.referredAt ?? null,
        source: p.data.source ?? null,
      });
      return { ok: true, id, created: true };
    });
    if (!dryRun && inserts.length)
      await manager.query(
        `INSERT INTO referral (tenant_id, id, referrer_id, referred_id, referred_at, source, created_by)
         SELECT $1, id, referrer, referred, coalesce(at, now()), source, $7
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::timestamptz[], $6::text[])
           AS r(id, referrer, referred, at, source)`,
        [
          tenantId,
          inserts.map((r) => r.id),
          inserts.map((r) => r.referrer),
          inserts.map((r) => r.referred),
          inserts.map((r) => r.at),
          inserts.map((r) => r.source),
          cause === 'USER' ? (await op.access()).userId : null,
        ],
      );
    return outcomes;
  }
}

/** The contact each reference names: by external id first, else by email (oldest contact). */
async function findContacts(
  manager: EntityManager,
  tenantId: string,
  references: readonly string[],
): Promise<Map<string, string>> {
  const keys = [...new Set(references)];
  if (!keys.length) return new Map();
  const rows: Array<{ key: string; id: string }> = await manager.query(
    `SELECT DISTINCT ON (k.key) k.key, c.id
     FROM unnest($2::text[]) AS k(key)
     JOIN contact c ON c.tenant_id = $1
       AND (c.external_id = k.key OR c.emails && ARRAY[lower(k.key)])
     ORDER BY k.key, (c.external_id = k.key) DESC NULLS LAST, c.created_at, c.id`,
    [tenantId, keys],
  );
  return new Map(rows.map((row) => [row.key, row.id]));
}

function withoutBlanks(row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      typeof value === 'string' && !value.trim() ? undefined : value,
    ]),
  );
}
