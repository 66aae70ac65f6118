import { companyInputSchema, companyPatchSchema } from '@socialcrm/validation';
import { QueryFailedError } from 'typeorm';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { isUniqueViolation } from '../../platform/database/postgres-errors.js';
import { badUserInput, conflict, notFound } from '../../platform/errors/app-error.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import type { CustomFields, CustomValuesInput } from '../custom-fields/index.js';
import { actingParty, TimelineEventKind, type TimelineService } from '../timeline/index.js';
import type { CompanyInput, CompanyPatch } from './company.type.js';
import { companyLinkChange } from './company-link-entry.js';

/** The unique keys of a company, and the input field a clash is about. */
const UNIQUE_FIELDS: Record<string, { field: string; message: string }> = {
  company_domain_key: { field: 'domain', message: 'Another company already has this domain' },
  company_external_id_key: {
    field: 'externalId',
    message: 'Another company already has this external id',
  },
};

/** Creates, changes and deletes companies; every write is checked against the tenant's custom fields. */
export class CompanyWrites {
  constructor(
    private readonly customFields: CustomFields,
    private readonly timeline: TimelineService,
  ) {}

  async create(op: Operation, input: CompanyInput): Promise<string> {
    const company = parseInput(companyInputSchema, input, 'input');
    const customFields = await this.checkCustomFields(op, company.customFields ?? []);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const id = newId();
    await uniquely(() =>
      manager.query(
        `INSERT INTO company (tenant_id, id, name, domain, industry, size, custom_fields, external_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          tenantId,
          id,
          company.name,
          company.domain ?? null,
          company.industry ?? null,
          company.size ?? null,
          JSON.stringify(customFields),
          company.externalId ?? null,
        ],
      ),
    );
    return id;
  }

  async update(op: Operation, companyId: string, input: CompanyPatch): Promise<void> {
    const id = requireId(companyId);
    const patch = parseInput(companyPatchSchema, input, 'input');
    if (patch.name === null)
      throw badUserInput([{ field: 'input.name', message: 'is required', reason: 'REQUIRED' }]);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [stored]: Array<{ customFields: Record<string, string> }> = await manager.query(
      'SELECT custom_fields AS "customFields" FROM company WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
      [tenantId, id],
    );
    if (!stored) throw notFound('Company');
    const customFields = patch.customFields
      ? await this.checkCustomFields(op, {
          ...stored.customFields,
          ...Object.fromEntries(patch.customFields.map(({ key, value }) => [key, value ?? null])),
        })
      : null;
    // A field left out of the patch keeps its value; one given as null is cleared.
    const given = (key: keyof typeof patch) => key in patch && patch[key] !== undefined;
    await uniquely(() =>
      manager.query(
        `UPDATE company SET
           name = coalesce($3, name),
           domain = CASE WHEN $4 THEN $5 ELSE domain END,
           industry = CASE WHEN $6 THEN $7 ELSE industry END,
           size = CASE WHEN $8 THEN $9 ELSE size END,
           custom_fields = coalesce($10::jsonb, custom_fields),
           external_id = CASE WHEN $11 THEN $12 ELSE external_id END,
           updated_at = now()
         WHERE tenant_id = $1 AND id = $2`,
        [
          tenantId,
          id,
          patch.name ?? null,
          given('domain'),
          patch.domain ?? null,
          given('industry'),
          patch.industry ?? null,
          given('size'),
          patch.size ?? null,
          customFields && JSON.stringify(customFields),
          given('externalId'),
          patch.externalId ?? null,
        ],
      ),
    );
  }

  /** Deletes a company; each contact that belonged to it records the unlinking. */
  async delete(op: Operation, companyId: string): Promise<boolean> {
    const id = requireId(companyId);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const members: Array<{ contactId: string | null; role: string | null; name: string }> =
      await manager.query(
        `WITH gone AS (DELETE FROM company WHERE tenant_id = $1 AND id = $2 RETURNING id, name)
       SELECT cc.contact_id AS "contactId", cc.role, gone.name
       FROM gone LEFT JOIN contact_company cc ON cc.tenant_id = $1 AND cc.company_id = gone.id`,
        [tenantId, id],
      );
    if (members.length === 0) throw notFound('Company');
    const by = await actingParty(op);
    await this.timeline.recordMany(
      op,
      members.flatMap(({ contactId, role, name }) =>
        contactId
          ? [
              {
                contactId,
                kind: TimelineEventKind.EDIT,
                ...by,
                subjectId: id,
                data: companyLinkChange('COMPANY_DELETED', { id, name }, role),
              },
            ]
          : [],
      ),
    );
    return true;
  }

  private async checkCustomFields(
    op: Operation,
    values: CustomValuesInput,
  ): Promise<Record<string, string>> {
    const checked = await this.customFields.validate(op, 'COMPANY', values);
    if (checked.problems.length)
      throw badUserInput(
        checked.problems.map((problem) => ({ ...problem, field: `input.${problem.field}` })),
      );
    return checked.values;
  }
}

/** Runs a write; a clash on a unique key is a CONFLICT naming its field, never the database's text. */
async function uniquely<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const constraint =
      error instanceof QueryFailedError
        ? (error.driverError as { constraint?: string }).constraint
        : undefined;
    const clash = (constraint && UNIQUE_FIELDS[constraint]) || {
      field: 'input',
      message: 'Another company is the same',
    };
    throw conflict(clash.message, `input.${clash.field}`);
  }
}
