import type { LiveMentionFeed } from '../../modules/mentions/live-mention-feed.js';
import type { LiveSpikeAlerts } from '../../modules/mentions/live-spike-alerts.js';
import type { RequestContext } from '../context/request-context.js';

/** Long-lived event sources; a subscription's subscribe function cannot take constructor injection. */
export interface LiveSources {
  readonly mentions: LiveMentionFeed;
  readonly spikes: LiveSpikeAlerts;
}

/** What every resolver receives: the operation's request context, and the live sources. */
export interface GraphQLContext {
  readonly request: RequestContext;
  readonly live: LiveSources;
}
