import { DirectedGraph } from 'graphology';

/** A social interaction between two contacts. */
export interface Interaction {
  readonly kind: 'mention' | 'reply' | 'referral';
  /** Who mentioned, replied, or referred. */
  readonly from: string;
  /** Who was mentioned, replied to, or referred (brought in). */
  readonly to: string;
}

/** Edge weight per interaction kind. */
export type InteractionWeights = { readonly [K in Interaction['kind']]: number };

/**
 * Defaults: a reply costs more effort than a mention, and a referral (someone became a
 * customer on a contact's word) is the strongest sign of influence.
 */
export const DEFAULT_INTERACTION_WEIGHTS: InteractionWeights = {
  mention: 1,
  reply: 2,
  referral: 5,
};

/** Edge attributes of the interaction graph. */
export interface InfluenceEdge {
  readonly weight: number;
}

/**
 * Builds the weighted, directed graph of mentions, replies and referrals. Edges point to the
 * contact who earns credit: A mentions or replies to B gives A → B; R referred C gives C → R,
 * since C's arrival speaks for R. Repeated interactions between the same pair add up their
 * weights on a single edge; self-interactions are ignored. `contactIds` adds isolated nodes,
 * so contacts without interactions still take part in centrality.
 */
export function buildInteractionGraph(
  interactions: readonly Interaction[],
  contactIds: readonly string[] = [],
  weights: InteractionWeights = DEFAULT_INTERACTION_WEIGHTS,
): DirectedGraph<Record<string, never>, InfluenceEdge> {
  const graph = new DirectedGraph<Record<string, never>, InfluenceEdge>();
  for (const id of contactIds) graph.mergeNode(id);
  for (const { kind, from, to } of interactions) {
    if (from === to) continue;
    const [source, target] = kind === 'referral' ? [to, from] : [from, to];
    graph.mergeNode(source);
    graph.mergeNode(target);
    const previous = graph.hasEdge(source, target)
      ? graph.getEdgeAttribute(source, target, 'weight')
      : 0;
    graph.mergeEdge(source, target, { weight: previous + weights[kind] });
  }
  return graph;
}
