import type { EntityManager } from 'typeorm';
import { hashSecret, newSecret } from '../../platform/auth/secret-token.js';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { isUniqueViolation } from '../../platform/database/postgres-errors.js';
import { badUserInput, conflict, notFound } from '../../platform/errors/app-error.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import type { ConnectorType, CreatedConnector } from './connector.type.js';
import { ConnectorKind, ConnectorStatus } from './connector-enums.js';
import { CONNECTOR_COLUMNS, type ConnectorRow, toConnector } from './connector-row.js';
import { settingsSchemaOf, withoutNulls } from './connector-settings.js';
import {
  type CreateConnectorInput,
  createConnectorSchema,
  type UpdateConnectorInput,
  updateConnectorSchema,
} from './inputs/connector.input.js';
import { type SecretBox, secretBinding } from './runtime/secret-box.js';

/** What the service asks of the background side (the scheduler) after a change. */
export interface ConnectorRuntime {
  /** Looks at the tenant's connectors now rather than at the next tick. */
  kick(tenantId: string): void;
  /** Polls one feed now, in its own transaction; resolves when recorded. */
  pollNow(tenantId: string, connectorId: string): Promise<void>;
}

const LIST_LIMIT = 200;

/** Connectors of the operation's tenant. Callers have checked the role. */
export class ConnectorService {
  constructor(
    private readonly box: SecretBox,
    private readonly runtime: ConnectorRuntime,
  ) {}

  async list(op: Operation): Promise<ConnectorType[]> {
    const tenantId = await op.tenantId();
    const rows: ConnectorRow[] = await (await op.manager()).query(
      `SELECT ${CONNECTOR_COLUMNS} FROM connector WHERE tenant_id = $1 ORDER BY id DESC LIMIT ${LIST_LIMIT}`,
      [tenantId],
    );
    return rows.map(toConnector);
  }

  async get(op: Operation, id: string): Promise<ConnectorType> {
    return toConnector(await this.row(op, id));
  }

  async create(op: Operation, input: CreateConnectorInput): Promise<CreatedConnector> {
    const values = parseInput(createConnectorSchema, input, 'input');
    const settings = parseSettings(values.kind, values.settings, 'input.settings');
    checkSecret(values.kind, values.secret ?? null, 'input.secret');
    const tenantId = await op.tenantId();
    const id = newId();
    const verifyToken = values.kind === ConnectorKind.META_WEBHOOK ? newSecret() : null;
    const sealed = values.secret ? this.box.seal(values.secret, secretBinding(tenantId, id)) : null;
    const manager = await op.manager();
    const [row]: ConnectorRow[] = await unique(() =>
      manager.query(
        `INSERT INTO connector (tenant_id, id, kind, name, settings, secret_ciphertext, verify_token_hash, next_poll_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $3 = 'RSS' THEN now() END)
         RETURNING ${CONNECTOR_COLUMNS}`,
        [
          tenantId,
          id,
          values.kind,
          values.name,
          settings,
          sealed,
          verifyToken && hashSecret(verifyToken),
        ],
      ),
    );
    await op.afterCommit(async () => this.runtime.kick(tenantId));
    return { connector: toConnector(row as ConnectorRow), verifyToken };
  }

  async update(op: Operation, id: string, input: UpdateConnectorInput): Promise<ConnectorType> {
    const changes = parseInput(updateConnectorSchema, input, 'input');
    const current = await this.row(op, id, true);
    const settings = changes.settings
      ? parseSettings(current.kind, changes.settings, 'input.settings')
      : null;
    if (changes.secret) checkSecret(current.kind, changes.secret, 'input.secret');
    if (changes.clearSecret && current.kind === ConnectorKind.META_WEBHOOK)
      throw badUserInput([
        { field: 'input.clearSecret', message: 'a Meta webhook needs its app secret' },
      ]);
    const sealed = changes.secret
      ? this.box.seal(changes.secret, secretBinding(current.tenant_id, current.id))
      : changes.clearSecret
        ? null
        : current.secret_ciphertext;
    const resumed = changes.paused === false && current.status === ConnectorStatus.PAUSED;
    const status =
      changes.paused === true
        ? ConnectorStatus.PAUSED
        : resumed
          ? ConnectorStatus.ACTIVE
          : current.status;
    // A new source or credential starts afresh: no stale validators, no held stream.
    const restart = resumed || settings !== null || sealed !== current.secret_ciphertext;
    const manager = await op.manager();
    const [rows]: [ConnectorRow[], number] = await unique(() =>
      manager.query(
        `UPDATE connector SET name = $3, settings = $4, secret_ciphertext = $5, status = $6,
           consecutive_failures = CASE WHEN $7 THEN 0 ELSE consecutive_failures END,
           next_poll_at = CASE WHEN $7 AND kind = 'RSS' THEN now() WHEN $7 THEN NULL ELSE next_poll_at END,
           lease_owner = CASE WHEN $7 THEN NULL ELSE lease_owner END,
           etag = CASE WHEN $8 THEN NULL ELSE etag END,
           last_modified = CASE WHEN $8 THEN NULL ELSE last_modified END,
           updated_at = now()
         WHERE tenant_id = $1 AND id = $2
         RETURNING ${CONNECTOR_COLUMNS}`,
        [
          current.tenant_id,
          current.id,
          changes.name ?? current.name,
          settings ?? current.settings,
          sealed,
          status,
          restart,
          settings !== null,
        ],
      ),
    );
    await op.afterCommit(async () => this.runtime.kick(current.tenant_id));
    return toConnector(rows[0] as ConnectorRow);
  }

  async delete(op: Operation, id: string): Promise<string> {
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const [, affected] = await manager.query(
      'DELETE FROM connector WHERE tenant_id = $1 AND id = $2',
      [tenantId, requireId(id)],
    );
    if (!affected) throw notFound('Connector');
    await op.afterCommit(async () => this.runtime.kick(tenantId));
    return id;
  }

  /** Polls a feed at once (the admin's "check now"); the result is in the returned status. */
  async pollNow(op: Operation, id: string): Promise<ConnectorType> {
    const current = await this.row(op, id);
    if (current.kind !== ConnectorKind.RSS)
      throw badUserInput([{ field: 'id', message: 'only an RSS connector is polled' }]);
    if (current.status === ConnectorStatus.PAUSED)
      throw badUserInput([{ field: 'id', message: 'the connector is paused' }]);
    await this.runtime.pollNow(current.tenant_id, current.id);
    // READ COMMITTED: this statement sees what the poll's own transaction committed.
    return this.get(op, id);
  }

  private async row(op: Operation, id: string, lock = false): Promise<ConnectorRow> {
    const tenantId = await op.tenantId();
    const manager: EntityManager = await op.manager();
    const [row]: ConnectorRow[] = await manager.query(
      `SELECT ${CONNECTOR_COLUMNS} FROM connector WHERE tenant_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [tenantId, requireId(id)],
    );
    if (!row) throw notFound('Connector');
    return row;
  }
}

function parseSettings(kind: ConnectorKind, settings: object, field: string): object {
  return parseInput(settingsSchemaOf[kind], withoutNulls(settings), field);
}

function checkSecret(kind: ConnectorKind, secret: string | null, field: string): void {
  if (kind === ConnectorKind.META_WEBHOOK && !secret)
    throw badUserInput([{ field, message: 'is required: the Meta app secret' }]);
  if (kind === ConnectorKind.RSS && secret)
    throw badUserInput([{ field, message: 'an RSS connector takes no secret' }]);
}

async function unique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('A connector with this name already exists', 'input.name');
    throw error;
  }
}
