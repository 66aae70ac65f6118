import { ApolloArmor } from '@escape.tech/graphql-armor';

/** graphql-armor's defaults, stated so they are visible; the same rules guard HTTP and WebSocket. */
export const QUERY_LIMITS = {
  maxDepth: 6,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 1000,
  maxCost: 5000,
} as const;

export function createArmor() {
  return new ApolloArmor({
    // Introspection is limited too: a deep introspection query is as costly as any other.
    maxDepth: { n: QUERY_LIMITS.maxDepth, flattenFragments: true, ignoreIntrospection: false },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    maxTokens: { n: QUERY_LIMITS.maxTokens },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
