import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { OperationScopes } from '../../../platform/database/operation-scope.js';
import type { MentionIngestionService } from '../../ingest/index.js';
import { MAX_INGEST_BATCH } from '../../ingest/index.js';
import { ConnectorStatus } from '../connector-enums.js';
import { metaSettingsSchema } from '../connector-settings.js';
import { recordSuccess } from '../runtime/connector-health.js';
import { type SecretBox, secretBinding } from '../runtime/secret-box.js';
import { inTenant } from '../runtime/tenant-scope.js';
import { mentionsFromMetaDelivery } from './meta-payload.js';
import { checkMetaSignature, verifyTokenMatches } from './meta-signature.js';

interface MetaConnectorRow {
  readonly settings: Record<string, unknown>;
  readonly secret_ciphertext: string | null;
  readonly verify_token_hash: Buffer | null;
  readonly status: ConnectorStatus;
}

/** What a delivery came to; `refused` ones are logged by the route with their reason. */
export type DeliveryOutcome =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'refused'; readonly status: 401 | 403; readonly reason: string }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'accepted'; readonly mentions: number };

/**
 * Meta webhooks of one connector, found by the tenant and connector ids in the callback path
 * and read under that tenant's RLS: nothing in the body chooses where a delivery lands.
 */
export class MetaWebhookService {
  constructor(
    private readonly scopes: OperationScopes,
    private readonly ingestion: MentionIngestionService,
    private readonly box: SecretBox,
  ) {}

  /** Meta's subscription check: the challenge to echo, or null when the token is wrong. */
  async challenge(
    tenantId: string,
    connectorId: string,
    mode: unknown,
    token: unknown,
    challenge: unknown,
  ): Promise<string | null> {
    if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string')
      return null;
    const row = await inTenant(this.scopes, tenantId, (manager) =>
      this.connector(manager, tenantId, connectorId),
    );
    return row && verifyTokenMatches(token, row.verify_token_hash) ? challenge : null;
  }

  /**
   * Checks the signature, refuses a replayed body (Meta signs no timestamp: the body's digest
   * is the delivery's identity, kept 72 hours), then ingests, all in one transaction: a
   * failure rolls back the digest too, so Meta's retry is accepted.
   */
  async deliver(
    tenantId: string,
    connectorId: string,
    signature: string | undefined,
    rawBody: Buffer,
  ): Promise<DeliveryOutcome> {
    return inTenant(this.scopes, tenantId, async (manager, op): Promise<DeliveryOutcome> => {
      const row = await this.connector(manager, tenantId, connectorId);
      if (!row) return { kind: 'unknown' };
      const appSecret = this.appSecret(tenantId, connectorId, row);
      if (!appSecret) return { kind: 'refused', status: 403, reason: 'no readable app secret' };
      const check = checkMetaSignature(signature, rawBody, appSecret);
      if (check === 'missing') return { kind: 'refused', status: 401, reason: 'unsigned' };
      if (check === 'invalid') return { kind: 'refused', status: 403, reason: 'bad signature' };
      let payload: unknown;
      try {
        payload = JSON.parse(rawBody.toString('utf8'));
      } catch {
        return { kind: 'malformed' };
      }
      const [fresh] = await manager.query(
        `INSERT INTO connector_delivery (tenant_id, connector_id, digest) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING digest`,
        [tenantId, connectorId, createHash('sha256').update(rawBody).digest()],
      );
      if (!fresh) return { kind: 'duplicate' };
      if (row.status === ConnectorStatus.PAUSED) return { kind: 'accepted', mentions: 0 };
      const { channel } = metaSettingsSchema.parse(row.settings);
      const mentions = mentionsFromMetaDelivery(payload, channel);
      for (let start = 0; start < mentions.length; start += MAX_INGEST_BATCH)
        await this.ingestion.ingest(op, mentions.slice(start, start + MAX_INGEST_BATCH));
      await recordSuccess(manager, tenantId, connectorId);
      return { kind: 'accepted', mentions: mentions.length };
    });
  }

  private async connector(
    manager: EntityManager,
    tenantId: string,
    connectorId: string,
  ): Promise<MetaConnectorRow | undefined> {
    const [row]: MetaConnectorRow[] = await manager.query(
      `SELECT settings, secret_ciphertext, verify_token_hash, status FROM connector
       WHERE tenant_id = $1 AND id = $2 AND kind = 'META_WEBHOOK'`,
      [tenantId, connectorId],
    );
    return row;
  }

  private appSecret(tenantId: string, connectorId: string, row: MetaConnectorRow): string | null {
    if (!row.secret_ciphertext) return null;
    try {
      return this.box.open(row.secret_ciphertext, secretBinding(tenantId, connectorId));
    } catch {
      return null;
    }
  }
}
