import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolverClasses } from './modules.js';
import { printSchemaSorted } from './platform/graphql/print-schema-sorted.js';

// Writes the contract the admin and the tests are typed against: `pnpm --filter @socialcrm/api schema`.
const target = fileURLToPath(new URL('../../../packages/schema/schema.graphql', import.meta.url));
writeFileSync(target, await printSchemaSorted(resolverClasses));
console.log(`Wrote ${target}`);
