/**
 * The architecture's arrows, checked in CI (`pnpm test` runs `pnpm check:architecture`).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'platform-knows-no-module',
      comment: 'The platform serves every module and names none: app.ts composes the modules.',
      severity: 'error',
      from: { path: '^apps/api/src/platform/' },
      to: { path: '^apps/api/src/modules/' },
    },
    {
      name: 'modules-meet-through-their-index',
      comment:
        'A module uses another only through what that one exports (its index.ts), never its internals.',
      severity: 'error',
      from: { path: '^apps/api/src/modules/([^/]+)/' },
      to: {
        path: '^apps/api/src/modules/[^/]+/',
        pathNot: ['^apps/api/src/modules/$1/', '^apps/api/src/modules/[^/]+/index[.]ts$'],
      },
    },
    {
      name: 'no-cycles-between-modules',
      comment: 'Modules depend on each other in one direction (app.ts builds them in that order).',
      severity: 'error',
      from: { path: '^apps/api/src/modules/' },
      to: { path: '^apps/api/src/modules/', circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'packages/domain is logic without I/O: no database, network, files or processes.',
      severity: 'error',
      from: { path: '^packages/domain/src/', pathNot: ['[.]spec[.]ts$', '/testing/'] },
      to: {
        path: [
          '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|dgram|dns|tls|worker_threads|cluster|readline)$',
          'node_modules/(pg|typeorm|ioredis|redis|express|undici|ws|graphql-ws|@apollo)/',
          '^apps/',
        ],
      },
    },
    {
      name: 'admin-uses-no-api-code',
      comment:
        'The admin talks to the api over GraphQL only; it shares the contract and the domain.',
      severity: 'error',
      from: { path: '^apps/admin/src/' },
      to: { path: ['^apps/api/', 'node_modules/@socialcrm/api/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.vue', '.js', '.json'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
