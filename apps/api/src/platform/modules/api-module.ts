import type { RequestHandler, Router } from 'express';
import type { LiveSources } from '../graphql/graphql-context.js';
import type { ModuleJob } from '../jobs/job-definition.js';

/** A TypeORM entity class, as a data source lists it. */
// biome-ignore lint/complexity/noBannedTypes: TypeORM takes entity classes as plain functions.
export type EntityClass = Function;

/** A resolver class; TypeGraphQL builds the schema from the classes, then asks for instances. */
// biome-ignore lint/suspicious/noExplicitAny: resolver classes have differing constructor signatures.
export type ResolverClass = new (...args: any[]) => object;

/** A plain HTTP endpoint of a module (ingestion, webhooks), served before the admin's pages. */
export interface ModuleRoute {
  readonly path: string;
  /** `post` for one endpoint, `use` for a router mounted at `path`. */
  readonly method: 'post' | 'use';
  readonly handler: RequestHandler | Router;
}

/**
 * What a module declares before anything runs: the data source needs its entities and the
 * schema its resolver classes (the printed contract is built from these alone).
 */
export interface ModuleManifest<Deps, Offers> {
  readonly name: string;
  readonly entities?: readonly EntityClass[];
  readonly resolvers?: readonly ResolverClass[];
  /** The job queues it uses; the owner creates them when migrating. */
  readonly queues?: readonly string[];
  build(deps: Deps): RunningModule<Offers>;
}

/**
 * A module built for this process: the instances of its resolver classes, its routes, its live
 * sources, its background work, and what it offers the modules built after it.
 */
export interface RunningModule<Offers> {
  readonly resolvers?: readonly object[];
  readonly routes?: readonly ModuleRoute[];
  readonly live?: Partial<LiveSources>;
  /** Its background work, run by the job queue on whichever replica fetches it. */
  readonly jobs?: readonly ModuleJob[];
  /** Starts background work once the api listens. */
  start?(): void;
  /** Stops it before the database goes away. */
  stop?(): Promise<void> | void;
  readonly offers: Offers;
}

/** What a module that needs nothing from the platform or other modules is built with: `{}`. */
export type NoDeps = Record<string, never>;

/** Declares a module; the identity function that types it. */
export const defineModule = <Deps, Offers>(
  manifest: ModuleManifest<Deps, Offers>,
): ModuleManifest<Deps, Offers> => manifest;
