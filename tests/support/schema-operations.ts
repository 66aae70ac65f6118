import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';

/** Every root field of the committed contract, so a suite can insist on covering each. */
export function rootFieldNames(): {
  queries: string[];
  mutations: string[];
  subscriptions: string[];
} {
  const sdl = readFileSync(
    new URL('../../packages/schema/schema.graphql', import.meta.url),
    'utf8',
  );
  const schema = buildSchema(sdl);
  const names = (type: { getFields(): Record<string, unknown> } | null | undefined) =>
    Object.keys(type?.getFields() ?? {}).sort();
  return {
    queries: names(schema.getQueryType()),
    mutations: names(schema.getMutationType()),
    subscriptions: names(schema.getSubscriptionType()),
  };
}
