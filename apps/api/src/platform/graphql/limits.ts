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
    // Counted by graphql-js's own parser (Apollo's parseOptions), which makes an excess a
    // syntax error (400); armor's check throws from a hook, which Apollo answers with 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
