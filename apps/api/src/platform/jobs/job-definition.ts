/** A kind of background work a module declares in its manifest. */
export interface JobDefinition {
  /** The queue's name, `<module>.<task>`. */
  readonly name: string;
  /** Run once per this many seconds across all replicas (a scheduled task), if set. */
  readonly everySeconds?: number;
  /** Retries after a failure, with exponential back-off from `retryDelaySeconds`. */
  readonly retryLimit?: number;
  readonly retryDelaySeconds?: number;
  /** An active job not finished by then (its replica died) is failed and retried. */
  readonly expireInSeconds?: number;
}

/** What a job carries: the tenant it acts in (its handler runs inside that tenant's RLS scope). */
export type JobData = { readonly tenantId?: string } & Record<string, unknown>;

export type JobHandler = (data: JobData) => Promise<void>;

/** A module's job as it runs: what it is, and what does it. */
export interface ModuleJob {
  readonly definition: JobDefinition;
  readonly handler: JobHandler;
}

/** How modules queue work. */
export interface JobSender {
  /**
   * Queues a job; with `singletonKey`, at most one such job waits at a time (a burst of sends
   * for one tenant makes one job).
   */
  send(name: string, data: JobData, options?: { singletonKey?: string }): Promise<void>;
}
