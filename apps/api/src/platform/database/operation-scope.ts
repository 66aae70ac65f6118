import type { PoolClient, QueryResult } from 'pg';
import type {
  DataSource,
  EntityManager,
  EntityTarget,
  ObjectLiteral,
  QueryRunner,
  Repository,
} from 'typeorm';
import type { TenantRole } from '../auth/roles.js';
import type { RequestContext } from '../context/request-context.js';
import { forbidden, unauthenticated } from '../errors/app-error.js';
import { connectionWait } from '../metrics/pool-metrics.js';
import { uuidLiteral } from './sql-literals.js';

/** What the database admitted for this operation. */
export interface OperationAccess {
  readonly userId: string | null;
  /** The tenant whose rows are visible, or null when the operation acts in none. */
  readonly tenantId: string | null;
  readonly role: TenantRole | null;
}

interface OpenScope {
  readonly runner: QueryRunner;
  readonly access: OperationAccess;
  /** Work that must only happen once the transaction is durable (publishing, mostly). */
  readonly afterCommit: Array<() => Promise<void>>;
}

/**
 * The one way to the database: every operation runs in one transaction that starts by telling
 * PostgreSQL the user and the tenant (transaction-local settings read by the RLS policies).
 * A GraphQL operation opens it on first use and finishes it when the response is sent;
 * jobs and subscription reads use `run`; the feed's hot-path system transactions use `script`
 * (one round trip). Repositories come only from `(ctx, Entity)`.
 */
export class OperationScopes {
  private readonly open = new WeakMap<RequestContext, Promise<OpenScope>>();

  constructor(private readonly dataSource: DataSource) {}

  /** The access granted to this operation (opens its transaction on first call). */
  async access(ctx: RequestContext): Promise<OperationAccess> {
    return (await this.scope(ctx)).access;
  }

  /** The tenant the operation acts in; refuses when it acts in none. */
  async tenantId(ctx: RequestContext): Promise<string> {
    const { tenantId } = await this.access(ctx);
    if (!tenantId) throw forbidden('No access to this tenant');
    return tenantId;
  }

  async manager(ctx: RequestContext): Promise<EntityManager> {
    return (await this.scope(ctx)).runner.manager;
  }

  async repository<T extends ObjectLiteral>(
    ctx: RequestContext,
    entity: EntityTarget<T>,
  ): Promise<Repository<T>> {
    return (await this.manager(ctx)).getRepository(entity);
  }

  /** Runs `work` after the operation's transaction commits (never if it rolls back). */
  async afterCommit(ctx: RequestContext, work: () => Promise<void>): Promise<void> {
    (await this.scope(ctx)).afterCommit.push(work);
  }

  /** Commits (or rolls back) the operation's transaction, if one was opened. */
  async finish(ctx: RequestContext, commit: boolean): Promise<void> {
    const pending = this.open.get(ctx);
    if (!pending) return;
    this.open.delete(ctx);
    const { runner, afterCommit } = await pending;
    try {
      if (commit) await runner.commitTransaction();
      else await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
    // The data is durable now; a failure here must not turn a kept write into an error.
    if (commit) await Promise.allSettled(afterCommit.map((work) => work()));
  }

  /** Runs `work` in its own transaction for `ctx`, committed when it resolves. */
  async run<T>(
    ctx: RequestContext,
    work: (manager: EntityManager, access: OperationAccess) => Promise<T>,
  ): Promise<T> {
    const { runner, access } = await this.scope(ctx);
    try {
      const result = await work(runner.manager, access);
      await this.finish(ctx, true);
      return result;
    } catch (error) {
      await this.finish(ctx, false);
      throw error;
    }
  }

  /**
   * A system job's short transaction in one round trip: BEGIN, the tenant setting, the
   * statements, COMMIT, sent as one simple-protocol query (each statement would otherwise cost
   * a round trip, and on this path they are most of the cost). Statements take no parameters:
   * values go into their text through `sql-literals`. Returns each statement's rows.
   */
  async script(tenantId: string, statements: readonly string[]): Promise<unknown[][]> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await timedConnect(runner)) as PoolClient;
    try {
      const text = [
        'BEGIN',
        `SELECT set_config('app.tenant_ids', '{' || ${uuidLiteral(tenantId)} || '}', true)`,
        ...statements,
        'COMMIT',
      ].join(';\n');
      const results = (await client.query(text)) as unknown as QueryResult[];
      return results.slice(2, -1).map((result) => result.rows);
    } catch (error) {
      // A failed statement leaves the transaction open and aborted.
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      await runner.release();
    }
  }

  private scope(ctx: RequestContext): Promise<OpenScope> {
    let pending = this.open.get(ctx);
    if (!pending) {
      pending = this.begin(ctx);
      this.open.set(ctx, pending);
      // A failed begin must not be reused by the next caller.
      pending.catch(() => this.open.delete(ctx));
    }
    return pending;
  }

  private async begin(ctx: RequestContext): Promise<OpenScope> {
    const runner = serializeQueries(this.dataSource.createQueryRunner());
    try {
      await timedConnect(runner);
      await runner.startTransaction();
      const access = await admit(runner, ctx);
      return { runner, access, afterCommit: [] };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => {});
      await runner.release();
      throw error;
    }
  }
}

/**
 * The resolvers of one operation share its transaction's connection, and graphql-js runs a
 * query's fields at the same time: their statements queue here, one after another, in the
 * order they were issued (pg only queues them itself with a deprecation, and pg 9 will not).
 */
function serializeQueries(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner);
  let previous: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<QueryRunner['query']>) => {
    const next = previous.then(() => query(...args));
    previous = next.catch(() => {});
    return next;
  }) as QueryRunner['query'];
  return runner;
}

async function admit(runner: QueryRunner, ctx: RequestContext): Promise<OperationAccess> {
  const { principal, requestedTenantId } = ctx;
  if (principal.kind === 'apiKey') {
    // A key names its tenant; it is checked against that tenant's row (inside RLS) and acts
    // there only. Last use is recorded at most once a minute to keep reads write-free.
    await admitTenant(runner, principal.tenantId);
    const keys: Array<{ role: TenantRole }> = await runner.query(
      `WITH key AS (
         SELECT id, role FROM api_key
         WHERE tenant_id = $1 AND id = $2 AND secret_hash = $3 AND revoked_at IS NULL
       ), touched AS (
         UPDATE api_key SET last_used_at = now()
         WHERE tenant_id = $1 AND id IN (SELECT id FROM key)
           AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
       )
       SELECT role FROM key`,
      [principal.tenantId, principal.apiKeyId, principal.secretHash],
    );
    const role = keys[0]?.role;
    if (!role) throw unauthenticated('Invalid or revoked API key');
    return { userId: null, tenantId: principal.tenantId, role };
  }
  if (principal.kind === 'system') {
    await admitTenant(runner, principal.tenantId);
    return { userId: null, tenantId: principal.tenantId, role: null };
  }
  if (principal.kind === 'anonymous') return { userId: null, tenantId: null, role: null };
  const rows: Array<{ session_active: boolean; role: TenantRole | null }> = await runner.query(
    'SELECT * FROM app.begin_user_operation($1, $2, $3)',
    [principal.userId, principal.sessionId, requestedTenantId],
  );
  if (!rows[0]?.session_active) throw unauthenticated('Session ended; sign in again');
  const role = rows[0].role;
  return { userId: principal.userId, tenantId: role ? requestedTenantId : null, role };
}

function admitTenant(runner: QueryRunner, tenantId: string): Promise<unknown> {
  return runner.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantId}}`]);
}

/** A connection from the pool, with the wait for it measured. */
function timedConnect(runner: QueryRunner): Promise<unknown> {
  const stop = connectionWait.startTimer();
  return runner.connect().finally(stop);
}
