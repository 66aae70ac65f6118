import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolverClasses } from './modules.js';
import { printSchemaSorted } from './platform/graphql/print-schema-sorted.js';

describe('GraphQL contract', () => {
  it('matches the SDL checked into packages/schema (run `pnpm --filter @socialcrm/api schema` after a change)', async () => {
    const committed = readFileSync(
      new URL('../../../packages/schema/schema.graphql', import.meta.url),
      'utf8',
    );
    expect(await printSchemaSorted(resolverClasses)).toBe(committed);
  });
});
