import type { ConnectorSettingsType, ConnectorType } from './connector.type.js';
import { ConnectorKind, type ConnectorStatus } from './connector-enums.js';
import { META_WEBHOOK_BASE } from './meta/meta-webhook.routes.js';
import { storedProblem } from './runtime/connector-problem.js';

/** A connector row as the database returns it (secrets included: never leaves the server). */
export interface ConnectorRow {
  readonly tenant_id: string;
  readonly id: string;
  readonly kind: ConnectorKind;
  readonly name: string;
  readonly settings: Record<string, unknown>;
  readonly secret_ciphertext: string | null;
  readonly verify_token_hash: Buffer | null;
  readonly status: ConnectorStatus;
  readonly last_success_at: Date | null;
  readonly last_error: string | null;
  readonly last_error_at: Date | null;
  readonly consecutive_failures: number;
  readonly next_poll_at: Date | null;
  readonly etag: string | null;
  readonly last_modified: string | null;
  readonly created_at: Date;
  readonly updated_at: Date;
}

export const CONNECTOR_COLUMNS = `tenant_id, id, kind, name, settings, secret_ciphertext, verify_token_hash,
  status, last_success_at, last_error, last_error_at, consecutive_failures, next_poll_at, etag,
  last_modified, created_at, updated_at`;

export const metaWebhookPath = (tenantId: string, connectorId: string) =>
  `${META_WEBHOOK_BASE}/${tenantId}/${connectorId}`;

/** The row as GraphQL shows it: secrets reduced to whether one is stored. */
export function toConnector(row: ConnectorRow): ConnectorType {
  const s = row.settings;
  const settings: ConnectorSettingsType = {
    channel: (s.channel as ConnectorSettingsType['channel']) ?? null,
    feedUrl: (s.feedUrl as string) ?? null,
    pollIntervalSeconds: (s.pollIntervalSeconds as number) ?? null,
    baseUrl: (s.baseUrl as string) ?? null,
    stream: (s.stream as ConnectorSettingsType['stream']) ?? null,
    hashtag: (s.hashtag as string) ?? null,
  };
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    settings,
    hasSecret: row.secret_ciphertext !== null,
    status: row.status,
    lastSuccessAt: row.last_success_at,
    lastError: storedProblem(row.last_error),
    lastErrorAt: row.last_error_at,
    consecutiveFailures: row.consecutive_failures,
    nextPollAt: row.kind === ConnectorKind.RSS ? row.next_poll_at : null,
    webhookUrl:
      row.kind === ConnectorKind.META_WEBHOOK ? metaWebhookPath(row.tenant_id, row.id) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
