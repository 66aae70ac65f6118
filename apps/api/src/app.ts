import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { Redis } from 'ioredis';
import type { ContainerType } from 'type-graphql';
import { ApiKeyResolver } from './modules/api-keys/api-key.resolver.js';
import { ApiKeyService } from './modules/api-keys/api-key.service.js';
import { AuthResolver } from './modules/auth/auth.resolver.js';
import { AuthService } from './modules/auth/auth.service.js';
import { LoginThrottle } from './modules/auth/login-throttle.js';
import { SessionService } from './modules/auth/session.service.js';
import { TrackedBrandResolver } from './modules/brands/tracked-brand.resolver.js';
import { TrackedBrandService } from './modules/brands/tracked-brand.service.js';
import { createConnectors } from './modules/connectors/connectors.js';
import { ContactResolver } from './modules/contacts/contact.resolver.js';
import { ContactService } from './modules/contacts/contact.service.js';
import { DemoMentions } from './modules/mentions/demo/demo-mentions.js';
import {
  ListeningSettingsResolver,
  ListeningSettingsService,
} from './modules/mentions/listening-settings.resolver.js';
import { LiveMentionFeed } from './modules/mentions/live-mention-feed.js';
import { LiveSpikeAlerts } from './modules/mentions/live-spike-alerts.js';
import { MentionResolver } from './modules/mentions/mention.resolver.js';
import { MentionActionsService } from './modules/mentions/mention-actions.service.js';
import { MentionFeedService } from './modules/mentions/mention-feed.service.js';
import { MentionIngestionService } from './modules/mentions/mention-ingestion.service.js';
import { MentionQueryService } from './modules/mentions/mention-query.service.js';
import { MentionStatsService } from './modules/mentions/mention-stats.service.js';
import { ndjsonIngestRoute } from './modules/mentions/ndjson-ingest.route.js';
import { TenantFeedChannels } from './modules/mentions/tenant-feed-channels.js';
import { InvitationService } from './modules/tenancy/invitation.service.js';
import { MemberService } from './modules/tenancy/member.service.js';
import { TenancyResolver } from './modules/tenancy/tenancy.resolver.js';
import { TenancyService } from './modules/tenancy/tenancy.service.js';
import { AccessTokens } from './platform/auth/access-token.js';
import { createAuthChecker } from './platform/auth/auth-checker.js';
import type { Config } from './platform/config/config.js';
import { contextFromCredentials } from './platform/context/context-from-request.js';
import { createDataSource } from './platform/database/data-source.js';
import { OperationScopes } from './platform/database/operation-scope.js';
import { createErrorFormatter } from './platform/errors/format-error.js';
import { logFailure } from './platform/errors/log-failure.js';
import type { GraphQLContext, LiveSources } from './platform/graphql/graphql-context.js';
import { createArmor, QUERY_LIMITS } from './platform/graphql/limits.js';
import { operationScopePlugin } from './platform/graphql/operation-scope-plugin.js';
import { buildApiSchema } from './platform/graphql/schema.js';
import { attachWebSocketServer } from './platform/graphql/websocket-server.js';
import { bodyErrorHandler, createHttpApp, serveAdmin } from './platform/http/http-app.js';
import type { FeedSignals } from './platform/pubsub/feed-signals.js';
import { InMemoryFeedSignals } from './platform/pubsub/in-memory-feed-signals.js';
import { RedisFeedSignals } from './platform/pubsub/redis-feed-signals.js';
import { watchRedis } from './platform/pubsub/redis-reachability.js';

export interface RunningApi {
  readonly url: string;
  readonly servesAdmin: boolean;
  /** The demo's mentions (seeded and trickled by main.ts when it runs the demo). */
  readonly demo: DemoMentions;
  close(): Promise<void>;
}

export interface ApiOptions {
  readonly config: Config;
  readonly runtimeDatabaseUrl: string;
  readonly tokenSecret: string;
  readonly adminDir: string | undefined;
}

const GRAPHQL_PATH = '/graphql';

/** The composition root: builds every service once and serves GraphQL over HTTP and WebSocket. */
export async function startApi({
  config,
  runtimeDatabaseUrl,
  tokenSecret,
  adminDir,
}: ApiOptions): Promise<RunningApi> {
  const runtime = createDataSource(runtimeDatabaseUrl, config.DATABASE_POOL_SIZE, 'socialcrm-api');
  await runtime.initialize();
  const redis = config.REDIS_URL
    ? new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 })
    : undefined;
  const redisReachability = redis ? watchRedis(redis, console.warn) : undefined;

  const scopes = new OperationScopes(runtime);
  const signals: FeedSignals = redis
    ? await RedisFeedSignals.connect(redis)
    : new InMemoryFeedSignals();
  const mentionFeed = new MentionFeedService(scopes, signals);
  const feedChannels = new TenantFeedChannels(mentionFeed, signals, config.FEED_POLL_INTERVAL_MS);
  const mentionStats = new MentionStatsService(scopes);
  const live: LiveSources = {
    mentions: new LiveMentionFeed(mentionFeed, feedChannels),
    spikes: new LiveSpikeAlerts(scopes, mentionFeed, mentionStats, feedChannels),
  };
  const mentionIngestion = new MentionIngestionService(scopes, mentionFeed);
  const connectors = createConnectors({ scopes, ingestion: mentionIngestion, config, tokenSecret });
  const contacts = new ContactService(scopes);
  const tokens = new AccessTokens(tokenSecret, config.ACCESS_TOKEN_TTL_SECONDS);
  const sessions = new SessionService(tokens, {
    refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
    reuseGraceSeconds: config.REFRESH_REUSE_GRACE_SECONDS,
  });
  // Its own connection fails fast while Redis is away, so sign-ins fall back to memory at once
  // (watchRedis reports the outage once, from the shared connection).
  const throttleRedis = redis?.duplicate({ enableOfflineQueue: false }).on('error', () => {});
  const throttle = new LoginThrottle(
    {
      perAccount: config.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT,
      perAccountEverywhere: config.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_EVERYWHERE,
      perAddress: config.LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
      windowSeconds: config.LOGIN_WINDOW_SECONDS,
      knownAddressDays: config.LOGIN_KNOWN_ADDRESS_DAYS,
      namespace: config.LOGIN_THROTTLE_NAMESPACE,
    },
    throttleRedis,
  );
  const container = resolverContainer([
    new AuthResolver(new AuthService(scopes, sessions, throttle)),
    new TenancyResolver(
      new TenancyService(scopes),
      new MemberService(scopes),
      new InvitationService(scopes, sessions),
    ),
    new TrackedBrandResolver(new TrackedBrandService(scopes)),
    new ApiKeyResolver(new ApiKeyService(scopes)),
    connectors.resolver,
    new MentionResolver(
      mentionIngestion,
      new MentionQueryService(scopes),
      mentionStats,
      new MentionActionsService(scopes, contacts),
      mentionFeed,
    ),
    new ContactResolver(contacts),
    new ListeningSettingsResolver(new ListeningSettingsService(scopes)),
  ]);
  const sweeper = mentionFeed.startSweeper();
  const schema = await buildApiSchema(container, createAuthChecker(scopes));

  const logError = (error: unknown) => logFailure('[api] unexpected error', error);
  const formatError = createErrorFormatter(logError);
  const armor = createArmor();
  const app = createHttpApp({
    runtime,
    adminDir,
    trustProxy: config.TRUST_PROXY,
    redisReachability,
    liveSubscribers: () => feedChannels.subscriberCount(),
  });
  const httpServer: Server = createServer(app);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    introspection: config.NODE_ENV !== 'production',
    plugins: [
      // graphql-armor is typed against Apollo's CommonJS build; the plugins are the same at run time.
      ...(armor.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginCacheControlDisabled(),
      operationScopePlugin(scopes, logError),
    ],
  });
  await apollo.start();
  app.use(
    GRAPHQL_PATH,
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        live,
        request: await contextFromCredentials(
          {
            authorization: req.header('authorization'),
            tenantId: req.header('x-tenant-id'),
            acceptLanguage: req.header('accept-language'),
            requestId: req.header('x-request-id'),
            clientAddress: req.ip ?? 'unknown',
          },
          tokens,
        ),
      }),
    }),
  );
  // Plain HTTP routes of the modules (ingestion, webhooks) go here, before the admin fallback.
  app.use(connectors.webhooks.path, connectors.webhooks.router);
  app.post(
    '/api/ingest/mentions',
    ndjsonIngestRoute({ scopes, tokens, ingestion: mentionIngestion }),
  );
  const servesAdmin = serveAdmin(app, adminDir);
  app.use(bodyErrorHandler);

  // Listen first: ws re-emits the HTTP server's errors, which would hide a busy port.
  await listen(httpServer, config.PORT, config.HOST);
  const websocket = attachWebSocketServer(httpServer, GRAPHQL_PATH, {
    schema,
    live,
    tokens,
    scopes,
    validationRules: armor.validationRules,
    formatError,
  });
  connectors.start();
  const { port } = httpServer.address() as AddressInfo;

  return {
    url: `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`,
    servesAdmin,
    demo: new DemoMentions(scopes, mentionIngestion),
    async close() {
      clearInterval(sweeper);
      await connectors.stop();
      await websocket.close();
      await apollo.stop();
      feedChannels.close();
      await signals.close();
      await runtime.destroy();
      throttleRedis?.disconnect();
      redis?.disconnect();
    },
  };
}

/** A port already in use is an error the operator can act on, not a silent half-started api. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is in use; set PORT`);
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
}

/** TypeGraphQL asks the container for each resolver class; each was built once above. */
function resolverContainer(instances: object[]): ContainerType {
  const byClass = new Map<unknown, object>(
    instances.map((instance) => [instance.constructor, instance]),
  );
  return {
    get: (someClass) => {
      const instance = byClass.get(someClass);
      if (!instance) throw new Error(`No instance for resolver ${String(someClass)}`);
      return instance;
    },
  };
}
