import type { IsolationArea } from './area.js';

/** The areas beyond the listening core (which tenant-isolation.spec.ts holds itself). */
export const ISOLATION_AREAS: readonly IsolationArea[] = [];
