import type { AccessTokens } from '../../platform/auth/access-token.js';
import type { Config } from '../../platform/config/config.js';
import type { OperationScopes } from '../../platform/database/operation-scope.js';
import type { JobSender } from '../../platform/jobs/job-definition.js';
import { defineModule } from '../../platform/modules/api-module.js';
import type { CustomFields } from '../custom-fields/index.js';
import { DataExportResolver } from './data-export.resolver.js';
import { dataExportRouter } from './data-export.routes.js';
import { DATA_EXPORT_PATH, DataExportService } from './data-export.service.js';
import { DATA_EXPORT_QUEUES } from './data-export-queues.js';
import { DataExportRunner } from './data-export-runner.js';
import { type ContactCondition, exportSources } from './export-sources.js';

/** How long a run may go before the queue takes it for dead, unless the operator says otherwise. */
const RUN_EXPIRE_SECONDS = 600;

/** CSV files out: contacts (as the list selects them), companies and orders, written as jobs. */
export const dataExportModule = defineModule({
  name: 'data-export',
  resolvers: [DataExportResolver],
  queues: DATA_EXPORT_QUEUES,
  build(deps: {
    scopes: OperationScopes;
    tokens: AccessTokens;
    jobs: JobSender;
    config: Config;
    contactCondition: ContactCondition;
    customFields: CustomFields;
  }) {
    const sources = exportSources(deps.contactCondition, deps.customFields);
    const exports = new DataExportService(sources, deps.jobs);
    const expireSeconds = deps.config.JOB_EXPIRE_SECONDS ?? RUN_EXPIRE_SECONDS;
    // A run re-queues itself at half the expiry, well before the queue would take it for dead.
    const runner = new DataExportRunner(
      deps.scopes,
      sources,
      deps.jobs,
      (expireSeconds * 1000) / 2,
    );
    return {
      resolvers: [new DataExportResolver(exports)],
      routes: [
        {
          method: 'use',
          path: DATA_EXPORT_PATH,
          handler: dataExportRouter({ scopes: deps.scopes, tokens: deps.tokens, exports }),
        },
      ],
      jobs: runner.jobDefinitions(RUN_EXPIRE_SECONDS),
      offers: {},
    };
  },
});
