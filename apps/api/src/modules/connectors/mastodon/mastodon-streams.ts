import { randomUUID } from 'node:crypto';
import type { OperationScopes } from '../../../platform/database/operation-scope.js';
import type { MentionIngestionService } from '../../ingest/index.js';
import { mastodonSettingsSchema } from '../connector-settings.js';
import { problemOf, recordFailure } from '../runtime/connector-health.js';
import { type SecretBox, secretBinding } from '../runtime/secret-box.js';
import { inTenant } from '../runtime/tenant-scope.js';
import { MastodonStreamConnection } from './mastodon-stream.js';

interface HeldStream {
  readonly id: string;
  readonly settings: Record<string, unknown>;
  readonly secret_ciphertext: string | null;
  readonly updated_at: Date;
}

interface Open {
  readonly connection: MastodonStreamConnection;
  readonly version: number;
}

/**
 * Keeps one connection per active Mastodon connector across all replicas: a replica holds a
 * connector's stream while it holds its lease (lease_owner, renewed every tick, expiring at
 * next_poll_at), so a stream moves to another replica within a lease when its holder dies.
 */
export class MastodonStreams {
  private readonly owner = `replica-${randomUUID()}`;
  private readonly open = new Map<string, Open>();

  constructor(
    private readonly scopes: OperationScopes,
    private readonly ingestion: MentionIngestionService,
    private readonly box: SecretBox,
    private readonly allowPrivate: boolean,
    private readonly leaseSeconds: number,
  ) {}

  /** Renews this replica's leases in the tenant, takes free ones, and opens or closes streams to match. */
  async reconcile(tenantId: string): Promise<void> {
    const held = await inTenant(this.scopes, tenantId, async (manager) => {
      const [rows]: [HeldStream[], number] = await manager.query(
        `UPDATE connector SET lease_owner = $2, next_poll_at = now() + make_interval(secs => $3::int)
         WHERE tenant_id = $1 AND kind = 'MASTODON' AND status <> 'PAUSED'
           AND (lease_owner IS NULL OR lease_owner = $2 OR next_poll_at < now())
         RETURNING id, settings, secret_ciphertext, updated_at`,
        [tenantId, this.owner, this.leaseSeconds],
      );
      return rows;
    });
    const heldKeys = new Set(held.map((row) => `${tenantId}/${row.id}`));
    for (const [key, stream] of this.open) {
      if (key.startsWith(`${tenantId}/`) && !heldKeys.has(key)) {
        this.open.delete(key);
        await stream.connection.stop();
      }
    }
    for (const row of held) {
      await this.ensureOpen(tenantId, row).catch((error) =>
        inTenant(this.scopes, tenantId, (manager) =>
          recordFailure(manager, tenantId, row.id, problemOf(error, row.id)),
        ),
      );
    }
  }

  /** Stops every stream and frees their leases so another replica takes them at once. */
  async closeAll(): Promise<void> {
    const streams = [...this.open.entries()];
    this.open.clear();
    await Promise.all(streams.map(([, stream]) => stream.connection.stop()));
    const tenants = new Set(streams.map(([key]) => key.split('/')[0] ?? ''));
    for (const tenantId of tenants) {
      await inTenant(this.scopes, tenantId, (manager) =>
        manager.query(
          `UPDATE connector SET lease_owner = NULL, next_poll_at = NULL WHERE tenant_id = $1 AND lease_owner = $2`,
          [tenantId, this.owner],
        ),
      ).catch(() => {});
    }
  }

  private async ensureOpen(tenantId: string, row: HeldStream): Promise<void> {
    const key = `${tenantId}/${row.id}`;
    const version = new Date(row.updated_at).getTime();
    const current = this.open.get(key);
    if (current?.version === version) return;
    this.open.delete(key);
    // A changed connector (settings, token, resumed) reconnects with what it has now.
    await current?.connection.stop();
    const settings = mastodonSettingsSchema.parse(row.settings);
    const accessToken = row.secret_ciphertext
      ? this.box.open(row.secret_ciphertext, secretBinding(tenantId, row.id))
      : null;
    const connection = new MastodonStreamConnection(
      { tenantId, connectorId: row.id, settings, accessToken },
      this.scopes,
      this.ingestion,
      this.allowPrivate,
    );
    this.open.set(key, { connection, version });
  }
}
