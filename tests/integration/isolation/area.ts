import type { Caller } from '../../support/graphql-client.js';
import type { World } from '../../support/world.js';

/** Ids of tenant B's objects that the attacks aim at, by name. */
export type Targets = Readonly<Record<string, string>>;

/** One tenant-scoped operation, aimed at tenant B. */
export interface TenantOperation {
  readonly document: string;
  /** Variables aimed at tenant B's objects. */
  readonly variables: (world: World, targets: Targets) => Record<string, unknown>;
}

/**
 * One area's share of the isolation matrix: the objects it creates in tenant B (as B's owner)
 * and its operations aimed at them. Every query and mutation of the contract belongs to one
 * area; tenant-isolation.spec.ts fails when one is missing.
 */
export interface IsolationArea {
  prepare(graphqlUrl: string, bOwner: Caller, world: World): Promise<Targets>;
  readonly operations: Readonly<Record<string, TenantOperation>>;
}
