import type { Operation } from '../../platform/database/operation-scope.js';
import { TimelineCause } from './timeline.type.js';

/** Who an entry written through the api is by: the signed-in user, else the API key. */
export async function actingParty(
  op: Operation,
): Promise<{ actorId: string | null; cause: TimelineCause }> {
  const { userId } = await op.access();
  return { actorId: userId, cause: userId ? TimelineCause.USER : TimelineCause.API_KEY };
}
