import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Test-only: finds the project's shared data folder (`data` in the shared folder beside the clone),
// which holds published data sets that must not be copied into the repository.
export function sharedDataPath(...parts: string[]): string {
  const fromEnv = process.env.SHARED_DATA_DIR;
  const base = fromEnv ?? join(findRepositoryRoot(), '..', 'shared', 'data');
  const path = join(base, ...parts);
  if (!existsSync(path)) {
    throw new Error(
      `Shared data file not found: ${path}. These tests check published results against ` +
        `the data sets in the project's shared folder (not in the repository): put that ` +
        `folder's data/ at ${join(findRepositoryRoot(), '..', 'shared', 'data')} or point ` +
        `SHARED_DATA_DIR at it (it holds ${parts.join('/')}).`,
    );
  }
  return path;
}

function findRepositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error(`pnpm-workspace.yaml not found above ${dir}`);
    dir = parent;
  }
  return dir;
}
