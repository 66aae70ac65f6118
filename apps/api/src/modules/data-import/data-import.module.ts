import type { AccessTokens } from '../../platform/auth/access-token.js';
import type { Config } from '../../platform/config/config.js';
import type { OperationScopes } from '../../platform/database/operation-scope.js';
import type { ImportTarget } from '../../platform/import/import-target.js';
import type { JobSender } from '../../platform/jobs/job-definition.js';
import { defineModule } from '../../platform/modules/api-module.js';
import { DataImportResolver } from './data-import.resolver.js';
import { DATA_IMPORT_PATH, dataImportRouter } from './data-import.routes.js';
import { DataImportService } from './data-import.service.js';
import { DATA_IMPORT_QUEUES } from './data-import-queues.js';
import { DataImportRunner } from './data-import-runner.js';
import { ImportTargets } from './import-targets.js';

/** How long a run may go before the queue takes it for dead, unless the operator says otherwise. */
const RUN_EXPIRE_SECONDS = 600;

/** CSV files in: uploaded in chunks, mapped, dry-run, imported as resumable jobs, errors reported. */
export const dataImportModule = defineModule({
  name: 'data-import',
  resolvers: [DataImportResolver],
  queues: DATA_IMPORT_QUEUES,
  build(deps: {
    scopes: OperationScopes;
    tokens: AccessTokens;
    jobs: JobSender;
    config: Config;
    targets: readonly ImportTarget[];
  }) {
    const targets = new ImportTargets(deps.targets);
    const imports = new DataImportService(targets, deps.jobs);
    const expireSeconds = deps.config.JOB_EXPIRE_SECONDS ?? RUN_EXPIRE_SECONDS;
    // A run re-queues itself at half the expiry, well before the queue would take it for dead.
    const runner = new DataImportRunner(
      deps.scopes,
      targets,
      deps.jobs,
      (expireSeconds * 1000) / 2,
    );
    return {
      resolvers: [new DataImportResolver(imports)],
      routes: [
        {
          method: 'use',
          path: DATA_IMPORT_PATH,
          handler: dataImportRouter({
            scopes: deps.scopes,
            tokens: deps.tokens,
            imports,
            maxBytes: deps.config.IMPORT_MAX_BYTES,
          }),
        },
      ],
      jobs: runner.jobDefinitions(RUN_EXPIRE_SECONDS),
      offers: {},
    };
  },
});
