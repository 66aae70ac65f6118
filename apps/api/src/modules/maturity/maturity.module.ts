import { defineModule, type NoDeps } from '../../platform/modules/api-module.js';
import { MaturityResolver } from './maturity.resolver.js';
import { MaturityService } from './maturity.service.js';

/** The CRM maturity audit: questionnaire catalogue, append-only assessments and their audit. */
export const maturityModule = defineModule({
  name: 'maturity',
  resolvers: [MaturityResolver],
  build(_deps: NoDeps) {
    return { resolvers: [new MaturityResolver(new MaturityService())], offers: {} };
  },
});
