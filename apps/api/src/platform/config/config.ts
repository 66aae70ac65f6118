import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Owner connection: runs migrations. Without it an embedded PostgreSQL is started. */
  DATABASE_URL: z.url().optional(),
  /** Runtime connection (a role without BYPASSRLS). Derived from DATABASE_URL when absent. */
  DATABASE_APP_URL: z.url().optional(),
  DATABASE_APP_PASSWORD: z.string().min(8).default('socialcrm_app_dev'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  REDIS_URL: z.url().optional(),
  /** Prometheus metrics on their own listener (0: any free port), off the public one. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** pino's level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** HMAC secret for access tokens; required in production, at least 32 characters. */
  AUTH_TOKEN_SECRET: z.string().min(32).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(120).default(10),
  /** Password checks on one account from one address per window. */
  LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  /** Password checks on one account from all addresses but those it signed in from, per window. */
  LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_EVERYWHERE: z.coerce.number().int().min(1).default(100),
  /**
   * Days an address where an account signed in stays exempt from the account-wide budget; at
   * most 24, since the in-memory limiter keeps each key with a timer (at most 2^31 ms).
   */
  LOGIN_KNOWN_ADDRESS_DAYS: z.coerce.number().int().min(1).max(24).default(14),
  LOGIN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  /** Prefix of the throttle's keys in Redis, so deployments sharing one Redis stay apart. */
  LOGIN_THROTTLE_NAMESPACE: z
    .string()
    .regex(/^[\w:-]{1,40}$/)
    .default('login'),
  /** How often each tenant's feed reader re-reads without a signal and re-checks its subscribers. */
  FEED_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(1_000),
  /** With the demo data: one new mention per demo tenant every this many seconds (0: none). */
  DEMO_TRICKLE_SECONDS: z.coerce.number().int().min(0).max(3600).default(0),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /** Key for connector secrets (AES-256-GCM); required in production, at least 32 characters. */
  CONNECTOR_SECRET_KEY: z.string().min(32).optional(),
  /** Background jobs: an active job not done within this is retried (default per job; tests). */
  JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).optional(),
  /**
   * How often the customer upkeep looks for contacts whose data changed (seconds); 0 pauses it
   * (changes wait, counted by pendingContactUpdates, until it runs again).
   */
  CUSTOMER_UPKEEP_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  /** How often the job queue expires stalled jobs and archives finished ones. */
  JOB_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** The largest CSV file an import takes (bytes; refused while it streams in). */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(512 * 1024 * 1024),
  /** How often due feeds are queued (once across replicas) and each replica reconciles streams. */
  CONNECTOR_TICK_SECONDS: z.coerce.number().int().min(1).max(3600).default(15),
  /** Lets feeds and streams reach loopback and private addresses (tests, on-premises). */
  CONNECTOR_ALLOW_PRIVATE_NETWORKS: booleanFlag.default(false),
  /** OTLP collector for traces (e.g. http://collector:4318); without it tracing is off. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('socialcrm-api'),
  ADMIN_DIST_DIR: z.string().optional(),
  SEED_DEMO_DATA: booleanFlag.optional(),
  TRUST_PROXY: booleanFlag.default(false),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses and validates the environment once at boot; the message names every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const config = parsed.data;
  if (config.NODE_ENV === 'production' && !config.AUTH_TOKEN_SECRET) {
    throw new ConfigError('Invalid configuration:\n  AUTH_TOKEN_SECRET: required in production');
  }
  if (config.NODE_ENV === 'production' && !config.CONNECTOR_SECRET_KEY) {
    throw new ConfigError('Invalid configuration:\n  CONNECTOR_SECRET_KEY: required in production');
  }
  return config;
}
