import { Foundation1764000000000 } from './1764000000000-foundation.js';
import { Listening1764100000000 } from './1764100000000-listening.js';

/** Migrations in order; listed explicitly for the same reason as the entities. */
export const migrations = [Foundation1764000000000, Listening1764100000000];
