import {
  type CompanySize,
  checkCustomFieldValues,
  companyImportRowSchema,
  issueReason,
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
  { key: 'name', label: 'Name', required: true, type: 'TEXT' },
  { key: 'domain', label: 'Web domain', required: false, type: 'TEXT' },
  { key: 'industry', label: 'Industry', required: false, type: 'TEXT' },
  { key: 'size', label: 'Size (employees)', required: false, type: 'ONE_OF' },
];

/** A company as stored, to match rows against and to tell whether a row changes it. */
interface Stored {
  id: string;
  externalId: string | null;
  name: string;
  domain: string | null;
  industry: string | null;
  size: CompanySize | null;
  customFields: Record<string, string>;
}

type Checked =
  | {
      ok: true;
      fields: Partial<Omit<Stored, 'id' | 'customFields'>>;
      custom: Record<string, string | null>;
    }
  | { ok: false; problems: RowProblem[] };

/**
 * Companies for the CSV import: idempotent by external id, else by domain (a row matches the
 * company with its external id; without one, the company with its domain). A cell left blank
 * keeps what is stored; writing the same rows again changes nothing. Two bulk statements per batch.
 */
export class CompanyImport implements ImportTarget {
  readonly entity = 'COMPANIES' as const;

  constructor(private readonly customFields: CustomFields) {}

  async fields(op: Operation): Promise<readonly ImportField[]> {
    return [...STANDARD_FIELDS, ...(await this.customFields.importFields(op, 'COMPANY'))];
  }

  async writeBatch(
    op: Operation,
    rows: readonly Readonly<Record<string, unknown>>[],
    options: { readonly dryRun: boolean },
  ): Promise<RowOutcome[]> {
    const rules = await this.customFields.rules(op, 'COMPANY');
    const checked = rows.map(checkRow);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const wanted = checked.flatMap((row) => (row.ok ? [row.fields] : []));
    const stored: Stored[] = await manager.query(
      `SELECT id, external_id AS "externalId", name, domain, industry, size, custom_fields AS "customFields"
       FROM company WHERE tenant_id = $1 AND (external_id = ANY ($2::text[]) OR domain = ANY ($3::text[]))`,
      [
        tenantId,
        wanted.flatMap((fields) => (fields.externalId ? [fields.externalId] : [])),
        wanted.flatMap((fields) => (fields.domain ? [fields.domain] : [])),
      ],
    );
    const byExternalId = new Map(
      stored.flatMap((company) => (company.externalId ? [[company.externalId, company]] : [])),
    );
    const byDomain = new Map(
      stored.flatMap((company) => (company.domain ? [[company.domain, company]] : [])),
    );
    const inserts: Stored[] = [];
    const updates = new Map<string, Stored>();
    const outcomes = checked.map((row): RowOutcome => {
      if (!row.ok) return row;
      const { fields } = row;
      const byId = fields.externalId ? byExternalId.get(fields.externalId) : undefined;
      const owner = fields.domain ? byDomain.get(fields.domain) : undefined;
      const match = byId ?? (owner && !owner.externalId ? owner : undefined);
      if (owner && owner !== match)
        return refuse('domain', 'already belongs to another company (with another external id)');
      if (!match && !fields.name) return refuse('name', 'is required');
      const custom = checkCustomFieldValues(rules, { ...match?.customFields, ...row.custom });
      if (custom.problems.length)
        return {
          ok: false,
          problems: custom.problems.map(({ field, ...problem }) => ({
            ...problem,
            field: customColumnOf(field),
          })),
        };
      const next: Stored = {
        ...(match ?? {
          id: newId(),
          externalId: null,
          name: '',
          domain: null,
          industry: null,
          size: null,
        }),
        ...definedOnly(fields),
        customFields: custom.values,
      };
      if (!match) inserts.push(next);
      // A company this batch inserts takes a later row's values before it is written.
      else if (changed(match, next) && !inserts.includes(match)) updates.set(match.id, match);
      const company = match ? Object.assign(match, next) : next;
      if (company.domain) byDomain.set(company.domain, company);
      if (company.externalId) byExternalId.set(company.externalId, company);
      return { ok: true, id: company.id, created: !match };
    });
    if (!options.dryRun) {
      await this.write(op, 'UPDATE', [...updates.values()]);
      await this.write(op, 'INSERT', inserts);
    }
    return outcomes;
  }

  private async write(
    op: Operation,
    how: 'INSERT' | 'UPDATE',
    companies: readonly Stored[],
  ): Promise<void> {
    if (!companies.length) return;
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const columns = [
      companies.map((c) => c.id),
      companies.map((c) => c.name),
      companies.map((c) => c.domain),
      companies.map((c) => c.industry),
      companies.map((c) => c.size),
      companies.map((c) => JSON.stringify(c.customFields)),
      companies.map((c) => c.externalId),
    ];
    const rows = `unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[])
      AS r(id, name, domain, industry, size, custom_fields, external_id)`;
    await manager.query(
      how === 'INSERT'
        ? `INSERT INTO company (tenant_id, id, name, domain, industry, size, custom_fields, external_id)
           SELECT $1, r.* FROM ${rows}`
        : `UPDATE company c SET name = r.name, domain = r.domain, industry = r.industry, size = r.size,
             custom_fields = r.custom_fields, external_id = r.external_id, updated_at = now()
           FROM ${rows} WHERE c.tenant_id = $1 AND c.id = r.id`,
      [tenantId, ...columns],
    );
  }
}

/** Checks one row's standard fields; `custom.<key>` columns are checked with the stored values. */
function checkRow(row: Readonly<Record<string, unknown>>): Checked {
  const standard: Record<string, unknown> = {};
  const custom: Record<string, string | null> = {};
  const problems: RowProblem[] = [];
  for (const [key, value] of Object.entries(row)) {
    const text = value === null || value === undefined ? '' : String(value).trim();
    if (key.startsWith(CUSTOM_COLUMN_PREFIX)) {
      if (text) custom[key.slice(CUSTOM_COLUMN_PREFIX.length)] = text;
    } else if (!STANDARD_FIELDS.some((field) => field.key === key))
      problems.push({ field: key, message: 'is not a field of a company' });
    else if (text) standard[key] = text;
  }
  // A row may leave the name out when it updates a stored company; checked once matched.
  const parsed = companyImportRowSchema.safeParse({ name: 'unnamed', ...standard });
  if (!parsed.success)
    problems.push(
      ...parsed.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.') || 'row',
        message: issue.message,
        ...issueReason(issue),
      })),
    );
  if (problems.length || !parsed.success) return { ok: false, problems };
  const { customFields: _, ...fields } = parsed.data;
  return { ok: true, fields: { ...fields, name: standard.name ? fields.name : undefined }, custom };
}

function refuse(field: string, message: string): RowOutcome {
  return { ok: false, problems: [{ field, message }] };
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined && value !== null),
  ) as Partial<T>;
}

const COMPARED = ['name', 'domain', 'industry', 'size', 'externalId'] as const;

function changed(before: Stored, after: Stored): boolean {
  return (
    COMPARED.some((key) => before[key] !== after[key]) ||
    JSON.stringify(sorted(before.customFields)) !== JSON.stringify(sorted(after.customFields))
  );
}

const sorted = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).sort(([a], [b]) => a.localeCompare(b)));
