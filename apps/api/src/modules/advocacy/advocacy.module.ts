import { defineModule, type NoDeps } from '../../platform/modules/api-module.js';
import { AdvocacyResolver } from './advocacy.resolver.js';
import { AdvocacyRanking } from './advocacy-ranking.js';
import { influenceStep } from './influence-step.js';
import { ReferralService } from './referral.service.js';
import { ReferralImport } from './referral-import.js';
import { ReferralIncentives } from './referral-incentives.js';

/**
 * Advocacy: who referred whom (GraphQL and CSV import), what each referral chain brought,
 * advocates and influencers by the domain's influence score, and incentives owed by the
 * tenant's rule. Influence is kept on contact_metrics by the upkeep's `influenceStep`.
 */
export const advocacyModule = defineModule({
  name: 'advocacy',
  resolvers: [AdvocacyResolver],
  build(_deps: NoDeps) {
    return {
      resolvers: [
        new AdvocacyResolver(
          new ReferralService(),
          new AdvocacyRanking(),
          new ReferralIncentives(),
        ),
      ],
      offers: { influenceStep, referralImport: new ReferralImport() },
    };
  },
});
