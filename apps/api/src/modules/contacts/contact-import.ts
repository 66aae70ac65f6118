import { LIFECYCLE_STAGES } from '@socialcrm/domain';
import {
  type CustomFieldRule,
  checkCustomFieldValues,
  contactPatchSchema,
  deriveDisplayName,
  normalisePhones,
} from '@socialcrm/validation';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import type {
  ImportField,
  ImportTarget,
  RowOutcome,
  RowProblem,
} from '../../platform/import/import-target.js';
import { CUSTOM_COLUMN_PREFIX, type CustomFields, customColumnOf } from '../custom-fields/index.js';

const STANDARD_FIELDS: readonly ImportField[] = [
  { key: 'externalId', label: 'External id', required: false, type: 'TEXT' },
  { key: 'displayName', label: 'Display name', required: false, type: 'TEXT' },
  { key: 'firstName', label: 'First name', required: false, type: 'TEXT' },
  { key: 'lastName', label: 'Last name', required: false, type: 'TEXT' },
  { key: 'emails', label: 'Emails', required: false, type: 'LIST' },
  { key: 'phones', label: 'Phones', required: false, type: 'LIST' },
  { key: 'language', label: 'Language', required: false, type: 'TEXT' },
  { key: 'country', label: 'Country', required: false, type: 'TEXT' },
  { key: 'city', label: 'City', required: false, type: 'TEXT' },
  { key: 'tags', label: 'Tags', required: false, type: 'LIST' },
  { key: 'lifecycleStage', label: 'Lifecycle stage', required: false, type: 'ONE_OF' },
  { key: 'emailConsent', label: 'Email consent', required: false, type: 'BOOLEAN' },
  { key: 'socialConsent', label: 'Social consent', required: false, type: 'BOOLEAN' },
];
const LIST_FIELDS = new Set(['emails', 'phones', 'tags']);
const BOOLEAN_FIELDS = new Set(['emailConsent', 'socialConsent']);
const KNOWN = new Set(STANDARD_FIELDS.map((field) => field.key));

/** What a matched contact holds, to merge a row into and to tell whether it changes anything. */
interface Existing {
  id: string;
  external_id: string | null;
  display_name: string;
  first_name: string | null;
  last_name: string | null;
  emails: string[];
  phones: string[];
  language: string | null;
  country: string | null;
  city: string | null;
  tags: string[];
  lifecycle_stage: string;
  email_consent: boolean | null;
  social_consent: boolean | null;
  custom_fields: Record<string, string>;
}
type StoredFields = Omit<Existing, 'id'>;
const COMPARED: (keyof StoredFields)[] = [
  'external_id',
  'display_name',
  'first_name',
  'last_name',
  'emails',
  'phones',
  'language',
  'country',
  'city',
  'tags',
  'lifecycle_stage',
  'email_consent',
  'social_consent',
  'custom_fields',
];

/** A row checked: what it says (null: not given), or its problems. */
type Checked =
  | {
      ok: true;
      fields: Partial<StoredFields>;
      phones: string[] | null;
      custom: Record<string, string | null>;
      email: string | null;
    }
  | { ok: false; problems: RowProblem[] };

const asList = (value: unknown): unknown =>
  typeof value === 'string'
    ? value
        .split(/[;,|]/)
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

function asBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(text)) return true;
  if (['false', 'no', 'n', '0'].includes(text)) return false;
  return text === '' ? null : value;
}

/**
 * Contacts in bulk for the CSV import and NDJSON endpoints: a row updates the contact with its
 * external id, else the one with its first email, else makes a new one. A batch is read in one
 * statement and written in two (insert, update), whatever its size; a row that would change
 * nothing is not written, so an import run twice changes nothing.
 */
export class ContactImport implements ImportTarget {
  readonly entity = 'CONTACTS' as const;

  constructor(private readonly customFields: CustomFields) {}

  async fields(op: Operation): Promise<readonly ImportField[]> {
    return [...STANDARD_FIELDS, ...(await this.customFields.importFields(op, 'CONTACT'))];
  }

  async writeBatch(
    op: Operation,
    rows: readonly Readonly<Record<string, unknown>>[],
    options: { readonly dryRun: boolean; readonly cause: string },
  ): Promise<RowOutcome[]> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const rules = await this.customFields.rules(op, 'CONTACT');
    const checked = rows.map((row) => checkRow(row));
    const externalIds = checked.flatMap((row) =>
      row.ok && row.fields.external_id ? [row.fields.external_id] : [],
    );
    const emails = checked.flatMap((row) => (row.ok && row.email ? [row.email] : []));
    const found: Existing[] = await manager.query(
      `SELECT id, external_id, display_name, first_name, last_name, emails, phones, language, country::text AS country,
              city, tags, lifecycle_stage, email_consent, social_consent, custom_fields
         FROM contact WHERE tenant_id = $1 AND (external_id = ANY ($2::text[]) OR emails && $3::text[])`,
      [tenantId, externalIds, emails],
    );
    const byExternalId = new Map(
      found.filter((c) => c.external_id).map((c) => [c.external_id as string, c]),
    );
    const byEmail = new Map<string, Existing>();
    for (const contact of found)
      for (const email of contact.emails) if (!byEmail.has(email)) byEmail.set(email, contact);

    const claimed = new Map<string, number>();
    const inserts: (StoredFields & { id: string })[] = [];
    const updates: (StoredFields & { id: string })[] = [];
    const outcomes = checked.map((row, index): RowOutcome => {
      if (!row.ok) return row;
      const externalId = row.fields.external_id ?? null;
      const existing =
        (externalId ? byExternalId.get(externalId) : undefined) ??
        (row.email ? byEmail.get(row.email) : undefined);
      const matchesOther =
        existing && externalId && existing.external_id && existing.external_id !== externalId;
      const target = matchesOther ? undefined : existing;
      const key = target?.id ?? `new:${externalId ?? row.email ?? index}`;
      const earlier = claimed.get(key);
      if (earlier !== undefined)
        return {
          ok: false,
          problems: [
            {
              field: externalId ? 'externalId' : 'emails',
              message: `names the same contact as row ${earlier + 1} of this batch`,
            },
          ],
        };
      claimed.set(key, index);
      const merged = merge(target, row, rules);
      if (!merged.ok) return merged;
      if (!target) {
        const id = newId();
        inserts.push({ ...merged.record, id });
        return { ok: true, id, created: true };
      }
      const changes = COMPARED.some(
        (column) => JSON.stringify(target[column]) !== JSON.stringify(merged.record[column]),
      );
      if (changes) updates.push({ ...merged.record, id: target.id });
      return { ok: true, id: target.id, created: false };
    });
    if (options.dryRun) return outcomes;
    // The lifecycle's triggers record the stages this batch sets as the import's.
    await manager.query(`SELECT set_config('app.lifecycle_context', '{"cause":"IMPORT"}', true)`);
    if (inserts.length)
      await manager.query(
        `INSERT INTO contact (tenant_id, id, external_id, display_name, first_name, last_name, emails, phones, language,
           country, city, tags, lifecycle_stage, email_consent, email_consent_at, email_consent_source, social_consent,
           social_consent_at, social_consent_source, custom_fields)
         SELECT $1, r.id, r.external_id, r.display_name, r.first_name, r.last_name, r.emails, r.phones, r.language,
           r.country, r.city, r.tags, r.lifecycle_stage,
           r.email_consent, CASE WHEN r.email_consent IS NULL THEN NULL ELSE now() END,
           CASE WHEN r.email_consent IS NULL THEN NULL ELSE $3 END,
           r.social_consent, CASE WHEN r.social_consent IS NULL THEN NULL ELSE now() END,
           CASE WHEN r.social_consent IS NULL THEN NULL ELSE $3 END, r.custom_fields
         FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, external_id text, display_name text, first_name text,
           last_name text, emails text[], phones text[], language text, country text, city text, tags text[],
           lifecycle_stage text, email_consent boolean, social_consent boolean, custom_fields jsonb)`,
        [tenantId, JSON.stringify(inserts), options.cause],
      );
    if (updates.length)
      await manager.query(
        `UPDATE contact c SET external_id = r.external_id, display_name = r.display_name, first_name = r.first_name,
           last_name = r.last_name, emails = r.emails, phones = r.phones, language = r.language, country = r.country,
           city = r.city, tags = r.tags, lifecycle_stage = r.lifecycle_stage,
           email_consent_at = CASE WHEN c.email_consent IS DISTINCT FROM r.email_consent THEN now() ELSE c.email_consent_at END,
           email_consent_source = CASE WHEN c.email_consent IS DISTINCT FROM r.email_consent THEN $3 ELSE c.email_consent_source END,
           email_consent = r.email_consent,
           social_consent_at = CASE WHEN c.social_consent IS DISTINCT FROM r.social_consent THEN now() ELSE c.social_consent_at END,
           social_consent_source = CASE WHEN c.social_consent IS DISTINCT FROM r.social_consent THEN $3 ELSE c.social_consent_source END,
           social_consent = r.social_consent, custom_fields = r.custom_fields, updated_at = now()
         FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, external_id text, display_name text, first_name text,
           last_name text, emails text[], phones text[], language text, country text, city text, tags text[],
           lifecycle_stage text, email_consent boolean, social_consent boolean, custom_fields jsonb)
         WHERE c.tenant_id = $1 AND c.id = r.id`,
        [tenantId, JSON.stringify(updates), options.cause],
      );
    await manager.query(`SELECT set_config('app.lifecycle_context', '', true)`);
    return outcomes;
  }
}

/** A source row through the same schema as the GraphQL input; problems name the import field. */
function checkRow(row: Readonly<Record<string, unknown>>): Checked {
  const problems: RowProblem[] = [];
  const input: Record<string, unknown> = {};
  const custom: Record<string, string | null> = {};
  let lifecycleStage: string | null = null;
  for (const [key, raw] of Object.entries(row)) {
    const blank =
      raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
    if (key.startsWith(CUSTOM_COLUMN_PREFIX)) {
      if (!blank) custom[key.slice(CUSTOM_COLUMN_PREFIX.length)] = String(raw);
    } else if (!KNOWN.has(key))
      problems.push({ field: key, message: 'is not a field of contacts' });
    else if (blank) continue;
    else if (key === 'lifecycleStage') {
      const stage = String(raw).trim();
      if ((LIFECYCLE_STAGES as readonly string[]).includes(stage)) lifecycleStage = stage;
      else problems.push({ field: key, message: `must be one of: ${LIFECYCLE_STAGES.join(', ')}` });
    } else if (BOOLEAN_FIELDS.has(key)) {
      const flag = asBoolean(raw);
      if (typeof flag === 'boolean') input[key] = { granted: flag };
      else problems.push({ field: key, message: 'must be true or false' });
    } else input[key] = LIST_FIELDS.has(key) ? asList(raw) : raw;
  }
  const parsed = contactPatchSchema.safeParse(input);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'row');
      if (!problems.some((problem) => problem.field === field))
        problems.push({ field, message: issue.message });
    }
  if (problems.length || !parsed.success) return { ok: false, problems };
  const value = parsed.data;
  return {
    ok: true,
    email: value.emails?.[0] ?? null,
    phones: value.phones ?? null,
    custom,
    fields: {
      external_id: value.externalId ?? undefined,
      display_name: value.displayName ?? undefined,
      first_name: value.firstName ?? undefined,
      last_name: value.lastName ?? undefined,
      emails: value.emails ?? undefined,
      language: value.language ?? undefined,
      country: value.country ?? undefined,
      city: value.city ?? undefined,
      tags: value.tags ?? undefined,
      lifecycle_stage: lifecycleStage ?? undefined,
      email_consent: value.emailConsent?.granted,
      social_consent: value.socialConsent?.granted,
    },
  };
}

/** The contact after the row: given fields replace, others stay; checked as a whole. */
function merge(
  existing: Existing | undefined,
  row: Extract<Checked, { ok: true }>,
  rules: readonly CustomFieldRule[],
): { ok: true; record: StoredFields } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const base: StoredFields = existing ?? {
    external_id: null,
    display_name: '',
    first_name: null,
    last_name: null,
    emails: [],
    phones: [],
    language: null,
    country: null,
    city: null,
    tags: [],
    lifecycle_stage: 'lead',
    email_consent: null,
    social_consent: null,
    custom_fields: {},
  };
  const given = Object.fromEntries(
    Object.entries(row.fields).filter(([, value]) => value !== undefined),
  );
  const record: StoredFields = { ...base, ...given };
  if (row.phones) {
    const normalised = normalisePhones(row.phones, record.country);
    if (normalised.problems.length)
      problems.push({
        field: 'phones',
        message: normalised.problems.map((p) => `${row.phones?.[p.index]} ${p.message}`).join('; '),
      });
    record.phones = normalised.phones;
  }
  const custom = checkCustomFieldValues(rules, { ...base.custom_fields, ...row.custom });
  for (const problem of custom.problems)
    problems.push({
      field: customColumnOf(problem.field),
      message: problem.message,
    });
  record.custom_fields = custom.values;
  const displayName =
    row.fields.display_name ??
    (existing && !row.fields.first_name && !row.fields.last_name ? existing.display_name : null) ??
    deriveDisplayName({
      firstName: record.first_name,
      lastName: record.last_name,
      emails: record.emails,
      phones: record.phones,
    }) ??
    record.external_id;
  if (!displayName)
    problems.push({
      field: 'displayName',
      message: 'is required when the row has no name, email, phone or external id',
    });
  record.display_name = displayName ?? '';
  return problems.length ? { ok: false, problems } : { ok: true, record };
}
