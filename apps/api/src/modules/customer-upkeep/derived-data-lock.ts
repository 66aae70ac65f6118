import type { Operation } from '../../platform/database/operation-scope.js';

/**
 * Takes, until the transaction ends, the tenant's lock on what is derived about its contacts
 * (metrics, scores, values, segment memberships). The upkeep takes it for each batch, and every
 * writer of a whole tenant's derived data (a recomputation, a fit, a full refresh) takes it
 * before its first write: two transactions writing the same rows in different orders deadlock,
 * and PostgreSQL then rolls one of them back. Taken first, before any row lock, it only queues.
 */
export async function holdDerivedContactData(op: Operation): Promise<void> {
  await (await op.manager()).query(
    `SELECT pg_advisory_xact_lock(hashtextextended('derived-contact-data:' || $1, 0))`,
    [await op.tenantId()],
  );
}
