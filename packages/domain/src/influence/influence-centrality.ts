import type { DirectedGraph } from 'graphology';
import { pagerank } from 'graphology-metrics/centrality/index.js';
import type { InfluenceEdge } from './interaction-graph.js';

/**
 * Weighted PageRank (damping 0.85) of every contact in the interaction graph, rescaled
 * min–max to [0, 1] within the graph: 1 is the most central contact, 0 the least. When
 * everyone ranks the same (no edges, or a perfect cycle) nobody stands out and all get 0.
 */
export function influenceCentrality(
  graph: DirectedGraph<Record<string, never>, InfluenceEdge>,
): Map<string, number> {
  if (graph.order === 0) return new Map();
  // Generous iteration cap: the library throws rather than return an unconverged result.
  const ranks = pagerank(graph, { getEdgeWeight: 'weight', alpha: 0.85, maxIterations: 1000 });
  const values = Object.values(ranks);
  const min = Math.min(...values);
  const spread = Math.max(...values) - min;
  // Differences within floating-point noise of the power iteration count as ties.
  const tied = spread < 1e-9;
  return new Map(Object.entries(ranks).map(([id, rank]) => [id, tied ? 0 : (rank - min) / spread]));
}
