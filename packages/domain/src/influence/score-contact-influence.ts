import { influenceCentrality } from './influence-centrality.js';
import {
  DEFAULT_INFLUENCE_WEIGHTING,
  type InfluenceScore,
  type InfluenceSignals,
  type InfluenceWeighting,
  influenceScore,
} from './influence-score.js';
import { buildInteractionGraph, type Interaction } from './interaction-graph.js';

/** A contact's own social figures; centrality comes from the interaction graph. */
export interface ContactSocialProfile extends Omit<InfluenceSignals, 'centrality'> {
  readonly contactId: string;
}

/** A contact's influence score. */
export interface ContactInfluence extends InfluenceScore {
  readonly contactId: string;
}

/**
 * Scores every profiled contact: centrality is computed over the graph of all
 * `interactions` (contacts without a profile still pass rank along), then combined with
 * the profile by {@link influenceScore}. Sorted by score, highest first, ties by id.
 */
export function scoreContactInfluence(
  profiles: readonly ContactSocialProfile[],
  interactions: readonly Interaction[],
  weighting: InfluenceWeighting = DEFAULT_INFLUENCE_WEIGHTING,
): ContactInfluence[] {
  const graph = buildInteractionGraph(
    interactions,
    profiles.map((p) => p.contactId),
  );
  const centrality = influenceCentrality(graph);
  return profiles
    .map(({ contactId, ...figures }) => ({
      contactId,
      ...influenceScore({ ...figures, centrality: centrality.get(contactId) ?? 0 }, weighting),
    }))
    .sort((a, b) => b.score - a.score || a.contactId.localeCompare(b.contactId));
}
