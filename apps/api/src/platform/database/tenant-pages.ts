import type { RequestContext } from '../context/request-context.js';
import type { OperationScopes } from './operation-scope.js';

const PAGE = 500;

/** Reads only what no tenant owns (the tenant table, which has no RLS): no tenant is admitted. */
export const GLOBAL_READ: RequestContext = {
  requestId: 'tenants:listing',
  principal: { kind: 'anonymous' },
  requestedTenantId: null,
  locale: 'en',
  clientAddress: 'internal',
};

/**
 * Every tenant id, a page at a time, for background work that must visit each tenant inside
 * its own RLS scope (RLS admits one tenant per transaction, so cross-tenant work goes tenant
 * by tenant).
 */
export async function* tenantIdPages(scopes: OperationScopes): AsyncGenerator<string[]> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page: Array<{ id: string }> = await scopes.run(GLOBAL_READ, async (op) =>
      (await op.manager()).query('SELECT id FROM tenant WHERE id > $1 ORDER BY id LIMIT $2', [
        after,
        PAGE,
      ]),
    );
    yield page.map((tenant) => tenant.id);
    if (page.length < PAGE) return;
    after = page.at(-1)?.id ?? after;
  }
}
