import { randomUUID } from 'node:crypto';

/** A caller's own request id is kept when it looks like one (so traces join up), else ours. */
export function requestIdFrom(offered: string | undefined): string {
  return offered && /^[\w.:-]{1,100}$/.test(offered) ? offered : randomUUID();
}
