import type { Operation } from '../../platform/database/operation-scope.js';
import type { SqlCondition } from '../contacts/index.js';
import { CUSTOM_COLUMN_PREFIX, type CustomFields } from '../custom-fields/index.js';
import type { CellKind, ExportColumn } from './csv-format.js';

export type ExportEntity = 'CONTACTS' | 'COMPANIES' | 'ORDERS';

/** What an export selects: the entity, and the list's search and filter (contacts) it was asked with. */
export interface ExportSelection {
  readonly entity: ExportEntity;
  readonly search: string | null;
  /** The contacts list's `ContactFilter`, as given (contacts only). */
  readonly contactFilter: Record<string, unknown> | null;
}

/**
 * The contacts list's own selection (search and `ContactFilter`) as a condition on the contact
 * aliased `c`: the contacts module offers it, so an export selects exactly the rows the list shows.
 */
export type ContactCondition = (
  op: Operation,
  selection: { search: string | null; filter: Record<string, unknown> | null },
  firstParam: number,
) => Promise<SqlCondition>;

/** One row to write: its id (the keyset) and its cells in column order. */
export interface ExportRow {
  readonly id: string;
  readonly cells: ReadonlyArray<string | null>;
}

/** A column of the file: a fixed one, or a custom field's (which names its key). */
export interface SourceExportColumn extends ExportColumn {
  readonly customKey?: string;
}

/**
 * An entity's export: its columns (read once per run, so the header and every page of a run
 * agree), its row count, and its rows a page at a time by id.
 */
export interface ExportSource {
  columns(op: Operation): Promise<SourceExportColumn[]>;
  count(op: Operation, selection: ExportSelection): Promise<number>;
  page(
    op: Operation,
    selection: ExportSelection,
    columns: readonly SourceExportColumn[],
    afterId: string | null,
    limit: number,
  ): Promise<ExportRow[]>;
}

/** A fixed column: its header, how its cells are written, and the SQL that reads it. */
interface SourceColumn extends ExportColumn {
  readonly sql: string;
}

const column = (header: string, kind: CellKind, sql: string): SourceColumn => ({
  header,
  kind,
  sql,
});

/** How a custom field's cells are written, by its type (TEXT and ONE_OF as text). */
const CUSTOM_KIND: Record<string, CellKind> = {
  NUMBER: 'decimal',
  DATE: 'date',
  BOOLEAN: 'boolean',
};

/**
 * Reads an entity's rows by keyset on its id: every page is a short query of its own (the
 * job commits each with its chunk), so no transaction stays open for a whole export.
 */
class TableSource implements ExportSource {
  constructor(
    private readonly table: { name: string; alias: string },
    private readonly fixed: readonly SourceColumn[],
    /** The entity's custom fields, when it has any: each becomes a `custom.<key>` column. */
    private readonly custom: { fields: CustomFields; entity: 'CONTACT' | 'COMPANY' } | null,
    private readonly condition: (
      op: Operation,
      selection: ExportSelection,
      firstParam: number,
    ) => Promise<SqlCondition>,
  ) {}

  /** The fixed columns, then the custom fields' in the owner's order. */
  async columns(op: Operation): Promise<SourceExportColumn[]> {
    const custom = this.custom ? await this.custom.fields.definitions(op, this.custom.entity) : [];
    return [
      ...this.fixed.map(({ header, kind }) => ({ header, kind })),
      ...custom.map(({ key, type }) => ({
        header: `${CUSTOM_COLUMN_PREFIX}${key}`,
        kind: CUSTOM_KIND[type] ?? 'text',
        customKey: key,
      })),
    ];
  }

  async count(op: Operation, selection: ExportSelection): Promise<number> {
    const { alias, name } = this.table;
    const where = await this.condition(op, selection, 2);
    const rows: Array<{ count: number }> = await (await op.manager()).query(
      `SELECT count(*)::int AS count FROM ${name} ${alias} WHERE ${alias}.tenant_id = $1 AND (${where.sql})`,
      [await op.tenantId(), ...where.params],
    );
    return rows[0]?.count ?? 0;
  }

  async page(
    op: Operation,
    selection: ExportSelection,
    columns: readonly SourceExportColumn[],
    afterId: string | null,
    limit: number,
  ): Promise<ExportRow[]> {
    const { alias, name } = this.table;
    const customKeys = columns.flatMap(({ customKey }) => (customKey ? [customKey] : []));
    const params: unknown[] = [await op.tenantId(), afterId, limit];
    // Every cell as text: exact decimals, ISO 8601 times in UTC, custom values as stored.
    let customCells = '';
    if (customKeys.length) {
      params.push(customKeys);
      customCells = ` || ARRAY(SELECT ${alias}.custom_fields ->> key FROM unnest($4::text[]) WITH ORDINALITY AS k(key, n) ORDER BY n)`;
    }
    const where = await this.condition(op, selection, params.length + 1);
    return (await op.manager()).query(
      `SELECT ${alias}.id, ARRAY[${this.fixed.map(textOf).join(', ')}]${customCells} AS cells
       FROM ${name} ${alias}
       WHERE ${alias}.tenant_id = $1 AND ($2::uuid IS NULL OR ${alias}.id > $2) AND (${where.sql})
       ORDER BY ${alias}.id LIMIT $3`,
      [...params, ...where.params],
    );
  }
}

/** A column's value as text, as its cells are written. */
function textOf({ kind, sql }: SourceColumn): string {
  if (kind === 'timestamp')
    return `to_char((${sql}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
  if (kind === 'list') return `array_to_string(${sql}, ', ')`;
  return `(${sql})::text`;
}

const everything = async (): Promise<SqlCondition> => ({ sql: 'true', params: [] });

/** The export of each entity; contacts select through the contacts list's own selection. */
export function exportSources(
  contactCondition: ContactCondition,
  customFields: CustomFields,
): Readonly<Record<ExportEntity, ExportSource>> {
  return {
    CONTACTS: new TableSource(
      { name: 'contact', alias: 'c' },
      [
        column('id', 'text', 'c.id'),
        column('externalId', 'text', 'c.external_id'),
        column('displayName', 'text', 'c.display_name'),
        column('firstName', 'text', 'c.first_name'),
        column('lastName', 'text', 'c.last_name'),
        column('emails', 'list', 'c.emails'),
        column('phones', 'list', 'c.phones'),
        column('language', 'text', 'c.language'),
        column('country', 'text', 'c.country'),
        column('city', 'text', 'c.city'),
        column('tags', 'list', 'c.tags'),
        column('ownerId', 'text', 'c.owner_id'),
        column('lifecycleStage', 'text', 'c.lifecycle_stage'),
        column('emailConsent', 'boolean', 'c.email_consent'),
        column('emailConsentAt', 'timestamp', 'c.email_consent_at'),
        column('socialConsent', 'boolean', 'c.social_consent'),
        column('socialConsentAt', 'timestamp', 'c.social_consent_at'),
        column(
          'identities',
          'list',
          `ARRAY(SELECT i.channel || ':' || i.handle FROM social_identity i
                 WHERE i.tenant_id = c.tenant_id AND i.contact_id = c.id ORDER BY i.channel, i.handle)`,
        ),
        column(
          'companies',
          'list',
          `ARRAY(SELECT co.name FROM contact_company cc
                 JOIN company co ON co.tenant_id = cc.tenant_id AND co.id = cc.company_id
                 WHERE cc.tenant_id = c.tenant_id AND cc.contact_id = c.id ORDER BY co.name)`,
        ),
        column('createdAt', 'timestamp', 'c.created_at'),
        column('updatedAt', 'timestamp', 'c.updated_at'),
      ],
      { fields: customFields, entity: 'CONTACT' },
      (op, selection, firstParam) =>
        contactCondition(
          op,
          { search: selection.search, filter: selection.contactFilter },
          firstParam,
        ),
    ),
    COMPANIES: new TableSource(
      { name: 'company', alias: 'co' },
      [
        column('id', 'text', 'co.id'),
        column('externalId', 'text', 'co.external_id'),
        column('name', 'text', 'co.name'),
        column('domain', 'text', 'co.domain'),
        column('industry', 'text', 'co.industry'),
        column('size', 'text', 'co.size'),
        column('createdAt', 'timestamp', 'co.created_at'),
        column('updatedAt', 'timestamp', 'co.updated_at'),
      ],
      { fields: customFields, entity: 'COMPANY' },
      async (_op, { search }, firstParam) =>
        search
          ? {
              sql: `(co.name ILIKE $${firstParam} OR co.domain ILIKE $${firstParam})`,
              params: [`%${search.replace(/[\\%_]/g, '\\$&')}%`],
            }
          : everything(),
    ),
    ORDERS: new TableSource(
      { name: 'customer_order', alias: 'o' },
      [
        column('id', 'text', 'o.id'),
        column('externalId', 'text', 'o.external_id'),
        column('contactId', 'text', 'o.contact_id'),
        column('orderedAt', 'timestamp', 'o.ordered_at'),
        column('amount', 'decimal', 'o.amount'),
        column('currency', 'text', 'o.currency'),
        column('reportingAmount', 'decimal', 'o.reporting_amount'),
        column('itemCount', 'integer', 'o.item_count'),
        column('createdAt', 'timestamp', 'o.created_at'),
      ],
      null,
      everything,
    ),
  };
}
