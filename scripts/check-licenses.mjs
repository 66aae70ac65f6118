#!/usr/bin/env node
// Fails when a production dependency of any workspace package is not under a licence we may
// ship in a paid SaaS without a separate agreement. PrimeVue 5 moved to a commercial licence
// (a key, or a red banner on every page): this keeps such a change from landing unnoticed.
import { execFileSync } from 'node:child_process';

/** Permissive licences, and MPL-2.0 (file-level copyleft: fine for unmodified libraries). */
const ALLOWED = new Set([
  'MIT',
  'ISC',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  '0BSD',
  'BlueOak-1.0.0',
  'MPL-2.0',
  '(MIT AND Zlib)',
  '(MIT AND BSD-3-Clause)',
  '(MIT OR CC0-1.0)',
]);

const listed = JSON.parse(
  execFileSync('pnpm', ['licenses', 'list', '--prod', '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }),
);
const refused = Object.entries(listed)
  .filter(([license]) => !ALLOWED.has(license))
  .flatMap(([license, packages]) =>
    packages.map((p) => `${p.name}@${p.versions.join(',')}: ${license}`),
  );
if (refused.length) {
  console.error(`Licences not allowed in production dependencies:\n  ${refused.join('\n  ')}`);
  process.exit(1);
}
console.log(`Licences: ${Object.keys(listed).length} kinds, all allowed.`);
