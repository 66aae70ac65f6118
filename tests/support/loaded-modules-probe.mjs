// Preloaded into an api process (NODE_OPTIONS=--import=<this file's URL>) to list what it loads:
// every module the ESM loader resolves (this file is also its own loader hook, on the loader's
// thread) and, when the process exits, every CommonJS module in require's cache. One path or URL
// a line, in the file LOADED_MODULES_FILE names.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

let file = '';

/** Loader thread: told the file by register() below. */
export function initialize(data) {
  file = data.file;
}

/** Loader thread: each module the ESM loader resolves. */
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (file) appendFileSync(file, `${resolved.url}\n`);
  return resolved;
}

if (isMainThread && process.env.LOADED_MODULES_FILE) {
  const listFile = process.env.LOADED_MODULES_FILE;
  register(import.meta.url, { data: { file: listFile } });
  const cache = createRequire(import.meta.url).cache;
  process.once('exit', () => appendFileSync(listFile, `${Object.keys(cache).join('\n')}\n`));
}
