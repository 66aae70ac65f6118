import type { EntityManager } from 'typeorm';
import type { OperationScopes } from '../../../platform/database/operation-scope.js';
import { logFailure } from '../../../platform/errors/log-failure.js';
import type { MentionIngestionService } from '../../ingest/index.js';
import { MastodonStream as StreamKind } from '../connector-enums.js';
import type { MastodonSettings } from '../connector-settings.js';
import { problemOf, recordFailure, recordSuccess } from '../runtime/connector-health.js';
import { ConnectorFailure, ConnectorProblem, httpProblem } from '../runtime/connector-problem.js';
import { safeGet } from '../runtime/safe-http.js';
import { inTenant } from '../runtime/tenant-scope.js';
import { type MastodonStatus, statusToMention } from './mastodon-status.js';
import { readServerSentEvents } from './server-sent-events.js';

/** Mastodon sends a heartbeat comment every few seconds; this much silence means a dead link. */
const IDLE_MS = 90_000;
const MAX_RECONNECT_MS = 5 * 60_000;

export interface StreamTarget {
  readonly tenantId: string;
  readonly connectorId: string;
  readonly settings: MastodonSettings;
  readonly accessToken: string | null;
}

export function streamUrl(settings: MastodonSettings): URL {
  const url = new URL(settings.baseUrl);
  const base = url.pathname.replace(/\/$/, '');
  if (settings.stream === StreamKind.HASHTAG) {
    url.pathname = `${base}/api/v1/streaming/hashtag`;
    url.searchParams.set('tag', settings.hashtag ?? '');
  } else url.pathname = `${base}/api/v1/streaming/public`;
  return url;
}

/**
 * One connection to a Mastodon streaming timeline, kept open until stopped: `update` and
 * `status.update` events become mentions; a dropped connection is retried with back-off.
 */
export class MastodonStreamConnection {
  private readonly abort = new AbortController();
  private readonly done: Promise<void>;

  constructor(
    private readonly target: StreamTarget,
    private readonly scopes: OperationScopes,
    private readonly ingestion: MentionIngestionService,
    private readonly allowPrivate: boolean,
  ) {
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.abort.signal.aborted) {
      try {
        await this.connect(() => {
          failures = 0;
        });
        throw new ConnectorFailure(ConnectorProblem.STREAM_ENDED, 'The server closed the stream');
      } catch (error) {
        if (this.abort.signal.aborted) return;
        failures += 1;
        await this.record((manager) =>
          recordFailure(
            manager,
            this.target.tenantId,
            this.target.connectorId,
            problemOf(error, this.target.connectorId),
          ),
        );
        await sleep(Math.min(1000 * 2 ** (failures - 1), MAX_RECONNECT_MS), this.abort.signal);
      }
    }
  }

  private async connect(onOpen: () => void): Promise<void> {
    const idle = new AbortController();
    const signal = AbortSignal.any([this.abort.signal, idle.signal]);
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    const url = streamUrl(this.target.settings);
    if (this.target.accessToken) {
      // Plain http only where the operator allows private networks (tests, on-premises).
      if (url.protocol !== 'https:' && !this.allowPrivate)
        throw new ConnectorFailure(ConnectorProblem.INSECURE_URL, 'A token goes over https only');
      headers.authorization = `Bearer ${this.target.accessToken}`;
    }
    const response = await safeGet(url.toString(), {
      headers,
      signal,
      allowPrivate: this.allowPrivate,
    });
    if (response.statusCode !== 200) {
      response.resume();
      throw new ConnectorFailure(
        httpProblem(response.statusCode),
        `Streaming API answered HTTP ${response.statusCode}`,
      );
    }
    onOpen();
    await this.record((manager) =>
      recordSuccess(manager, this.target.tenantId, this.target.connectorId),
    );
    let timer = setTimeout(() => idle.abort(), IDLE_MS);
    response.on('data', () => {
      clearTimeout(timer);
      timer = setTimeout(() => idle.abort(), IDLE_MS);
    });
    try {
      for await (const { event, data } of readServerSentEvents(response)) {
        if (event === 'update' || event === 'status.update') await this.ingest(data);
      }
    } catch (error) {
      if (idle.signal.aborted && !this.abort.signal.aborted)
        throw new ConnectorFailure(ConnectorProblem.STREAM_ENDED, 'The stream went silent');
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** `delete` events are not acted on: ingestion keeps what was said (a deletion is not an edit). */
  private async ingest(data: string): Promise<void> {
    let status: MastodonStatus;
    try {
      status = JSON.parse(data) as MastodonStatus;
    } catch {
      return;
    }
    const mention = statusToMention(status, new URL(this.target.settings.baseUrl).hostname);
    if (!mention) return;
    const { tenantId, connectorId } = this.target;
    await inTenant(this.scopes, tenantId, async (manager, op) => {
      await this.ingestion.ingest(op, [mention]);
      await recordSuccess(manager, tenantId, connectorId);
    });
  }

  private async record(write: (manager: EntityManager) => Promise<void>): Promise<void> {
    await inTenant(this.scopes, this.target.tenantId, (manager) => write(manager)).catch((error) =>
      logFailure('[connectors] cannot record a stream status', error),
    );
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
