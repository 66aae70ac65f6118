import {
  CUSTOM_FIELDS_PER_ENTITY_MAX,
  type CustomFieldEntity,
  type CustomFieldProblem,
  type CustomFieldRule,
  checkCustomFieldValues,
  customFieldDefinitionSchema,
  customFieldPatchSchema,
} from '@socialcrm/validation';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { isUniqueViolation } from '../../platform/database/postgres-errors.js';
import { badUserInput, conflict, notFound } from '../../platform/errors/app-error.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import type { ImportField } from '../../platform/import/import-target.js';
import type {
  CustomFieldDefinitionType,
  CustomFieldPatchInput,
  DefineCustomFieldInput,
} from './custom-field.type.js';

const COLUMNS = 'id, entity, key, label, type, options, required, position';

/** How a custom field is named as a column of a bulk file (import mapping, export header). */
export const CUSTOM_COLUMN_PREFIX = 'custom.';

/** The file column a custom-value problem (`customFields.<key>`) is about: `custom.<key>`. */
export const customColumnOf = (problemField: string): string =>
  problemField.replace(/^customFields\./, CUSTOM_COLUMN_PREFIX);

/** The table each entity's values live in (`custom_fields` jsonb of text values). */
const VALUE_TABLE: Record<CustomFieldEntity, string> = { CONTACT: 'contact', COMPANY: 'company' };

/** Custom values as they arrive: a map, or the GraphQL list of key and value. */
export type CustomValuesInput =
  | Readonly<Record<string, string | number | boolean | null | undefined>>
  | ReadonlyArray<{ readonly key: string; readonly value?: string | null }>;

/**
 * The tenant's custom fields: definitions (written by owners) and the check every write of a
 * contact or company makes. Definitions are read once per operation.
 */
export class CustomFields {
  private readonly read = new WeakMap<
    Operation,
    Map<CustomFieldEntity, Promise<CustomFieldDefinitionType[]>>
  >();

  /** The entity's definitions in form order. */
  definitions(op: Operation, entity: CustomFieldEntity): Promise<CustomFieldDefinitionType[]> {
    const byEntity = this.read.get(op) ?? new Map();
    this.read.set(op, byEntity);
    let definitions = byEntity.get(entity);
    if (!definitions) {
      definitions = (async () =>
        (await op.manager()).query(
          `SELECT ${COLUMNS} FROM custom_field_definition WHERE tenant_id = $1 AND entity = $2
           ORDER BY position, key`,
          [await op.tenantId(), entity],
        ))();
      byEntity.set(entity, definitions);
    }
    return definitions;
  }

  /**
   * Checks a record's complete custom values (merge a patch with what is stored first) against
   * the tenant's definitions. Problems name `customFields.<key>`; values come back canonical.
   */
  async validate(
    op: Operation,
    entity: CustomFieldEntity,
    values: CustomValuesInput,
  ): Promise<{ values: Record<string, string>; problems: CustomFieldProblem[] }> {
    return checkCustomFieldValues(await this.definitions(op, entity), asMap(values));
  }

  /** The entity's custom fields as columns a file can map to (`custom.<key>`). */
  async importFields(op: Operation, entity: CustomFieldEntity): Promise<ImportField[]> {
    return (await this.definitions(op, entity)).map((definition) => ({
      key: `${CUSTOM_COLUMN_PREFIX}${definition.key}`,
      label: definition.label,
      required: definition.required,
      type: definition.type,
    }));
  }

  /** The pure check with definitions already read: for batches (imports) of many records. */
  async rules(op: Operation, entity: CustomFieldEntity): Promise<readonly CustomFieldRule[]> {
    return this.definitions(op, entity);
  }

  async define(op: Operation, input: DefineCustomFieldInput): Promise<CustomFieldDefinitionType> {
    const definition = parseInput(customFieldDefinitionSchema, input, 'input');
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const rows: CustomFieldDefinitionType[] = await uniquely(() =>
      manager.query(
        `INSERT INTO custom_field_definition (tenant_id, id, entity, key, label, type, options, required, position)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8,
                coalesce($9, (SELECT coalesce(max(position) + 1, 0) FROM custom_field_definition
                              WHERE tenant_id = $1 AND entity = $3))
         WHERE (SELECT count(*) FROM custom_field_definition WHERE tenant_id = $1 AND entity = $3) < $10
         RETURNING ${COLUMNS}`,
        [
          tenantId,
          newId(),
          definition.entity,
          definition.key,
          definition.label,
          definition.type,
          definition.options ?? [],
          definition.required ?? false,
          definition.position ?? null,
          CUSTOM_FIELDS_PER_ENTITY_MAX,
        ],
      ),
    );
    const [row] = rows;
    if (!row)
      throw badUserInput([
        {
          field: 'input.entity',
          message: `already has ${CUSTOM_FIELDS_PER_ENTITY_MAX} custom fields`,
          reason: 'TOO_MANY',
          params: { max: CUSTOM_FIELDS_PER_ENTITY_MAX },
        },
      ]);
    this.read.delete(op);
    return row;
  }

  async update(
    op: Operation,
    id: string,
    input: CustomFieldPatchInput,
  ): Promise<CustomFieldDefinitionType> {
    const patch = parseInput(customFieldPatchSchema, input, 'input');
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [current]: CustomFieldDefinitionType[] = await manager.query(
      `SELECT ${COLUMNS} FROM custom_field_definition WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tenantId, requireId(id)],
    );
    if (!current) throw notFound('Custom field');
    if (patch.options && current.type !== 'ONE_OF')
      throw badUserInput([{ field: 'input.options', message: 'only a one-of field has options' }]);
    if (patch.options?.length === 0)
      throw badUserInput([
        { field: 'input.options', message: 'is required for a one-of field', reason: 'REQUIRED' },
      ]);
    const [[row]]: [CustomFieldDefinitionType[]] = await manager.query(
      `UPDATE custom_field_definition
          SET label = coalesce($3, label), options = coalesce($4, options),
              required = coalesce($5, required), position = coalesce($6, position)
        WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [
        tenantId,
        current.id,
        patch.label ?? null,
        patch.options ?? null,
        patch.required ?? null,
        patch.position ?? null,
      ],
    );
    this.read.delete(op);
    return row as CustomFieldDefinitionType;
  }

  /** Deletes a definition and its values from every record. */
  async delete(op: Operation, id: string): Promise<boolean> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [[row]]: [{ entity: CustomFieldEntity; key: string }[]] = await manager.query(
      'DELETE FROM custom_field_definition WHERE tenant_id = $1 AND id = $2 RETURNING entity, key',
      [tenantId, requireId(id)],
    );
    if (!row) throw notFound('Custom field');
    await manager.query(
      `UPDATE ${VALUE_TABLE[row.entity]} SET custom_fields = custom_fields - $2::text
        WHERE tenant_id = $1 AND custom_fields ? $2::text`,
      [tenantId, row.key],
    );
    this.read.delete(op);
    return true;
  }
}

function asMap(
  values: CustomValuesInput,
): Record<string, string | number | boolean | null | undefined> {
  if (!Array.isArray(values)) return values as Record<string, string | null>;
  return Object.fromEntries(
    (values as ReadonlyArray<{ key: string; value?: string | null }>).map(({ key, value }) => [
      key,
      value ?? null,
    ]),
  );
}

async function uniquely<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw conflict('A custom field of this entity already has this key', 'input.key');
  }
}
