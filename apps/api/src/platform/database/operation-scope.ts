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
import type { RequestContext, SystemContext } from '../context/request-context.js';
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
 * One operation of a caller (an HTTP request, a WebSocket operation, a job's run): the value
 * services take first. Its transaction opens on first use, with the user and the tenant told to
 * PostgreSQL (the row policies read them), and is finished by whoever opened the operation. A
 * second transaction is never had by accident: only a new operation (`OperationScopes.run`)
 * gives one.
 */
export class Operation {
  constructor(
    readonly request: RequestContext,
    private readonly scopes: OperationScopes,
  ) {}

  /** The access granted to this operation (opens its transaction on first call). */
  access(): Promise<OperationAccess> {
    return this.scopes.access(this);
  }

  /** The tenant the operation acts in; refuses when it acts in none. */
  tenantId(): Promise<string> {
    return this.scopes.tenantId(this);
  }

  manager(): Promise<EntityManager> {
    return this.scopes.manager(this);
  }

  repository<T extends ObjectLiteral>(entity: EntityTarget<T>): Promise<Repository<T>> {
    return this.scopes.repository(this, entity);
  }

  /** Runs `work` after the operation's transaction commits (never if it rolls back). */
  afterCommit(work: () => Promise<void>): Promise<void> {
    return this.scopes.afterCommit(this, work);
  }
}

/**
 * The one way to the database: every operation runs in one transaction that starts by telling
 * PostgreSQL the user and the tenant (transaction-local settings read by the RLS policies).
 * A GraphQL operation opens it on first use and finishes it when the response is sent;
 * jobs and subscription reads use `run`; the feed's hot-path system transactions use `script`
 * (one round trip). Repositories come only from an operation.
 */
export class OperationScopes {
  private readonly open = new WeakMap<Operation, Promise<OpenScope>>();

  constructor(private readonly dataSource: DataSource) {}

  /** An operation of `request`, whose transaction opens when it first reaches the database. */
  operation(request: RequestContext): Operation {
    return new Operation(request, this);
  }

  /** The access granted to this operation (opens its transaction on first call). */
  async access(op: Operation): Promise<OperationAccess> {
    return (await this.scope(op)).access;
  }

  /** The tenant the operation acts in; refuses when it acts in none. */
  async tenantId(op: Operation): Promise<string> {
    const { tenantId } = await this.access(op);
    if (!tenantId) throw forbidden('No access to this tenant');
    return tenantId;
  }

  async manager(op: Operation): Promise<EntityManager> {
    return (await this.scope(op)).runner.manager;
  }

  async repository<T extends ObjectLiteral>(
    op: Operation,
    entity: EntityTarget<T>,
  ): Promise<Repository<T>> {
    return (await this.manager(op)).getRepository(entity);
  }

  /** Runs `work` after the operation's transaction commits (never if it rolls back). */
  async afterCommit(op: Operation, work: () => Promise<void>): Promise<void> {
    (await this.scope(op)).afterCommit.push(work);
  }

  /** Commits (or rolls back) the operation's transaction, if one was opened. */
  async finish(op: Operation, commit: boolean): Promise<void> {
    const pending = this.open.get(op);
    if (!pending) return;
    this.open.delete(op);
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

  /** `work` as a new operation of `request`, in its own transaction, committed when it resolves. */
  async run<T>(request: RequestContext, work: (op: Operation) => Promise<T>): Promise<T> {
    const op = this.operation(request);
    try {
      const result = await work(op);
      await this.finish(op, true);
      return result;
    } catch (error) {
      await this.finish(op, false);
      throw error;
    }
  }

  /**
   * A system job's short transaction in one round trip: BEGIN, the tenant setting, the
   * statements, COMMIT, sent as one simple-protocol query (each statement would otherwise cost
   * a round trip, and on this path they are most of the cost). Statements take no parameters:
   * values go into their text through `sql-literals`. Returns each statement's rows.
   */
  async script(caller: SystemContext, statements: readonly string[]): Promise<unknown[][]> {
    const { tenantId } = caller.principal;
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

  private scope(op: Operation): Promise<OpenScope> {
    let pending = this.open.get(op);
    if (!pending) {
      pending = this.begin(op.request);
      this.open.set(op, pending);
      // A failed begin must not be reused by the next caller.
      pending.catch(() => this.open.delete(op));
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
