import { Foundation1764000000000 } from './1764000000000-foundation.js';

/** Migrations in order; listed explicitly for the same reason as the entities. */
export const migrations = [Foundation1764000000000];
