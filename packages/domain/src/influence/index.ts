// Public surface of influence and advocacy.
export {
  type AdvocacyReason,
  type AdvocacyThresholds,
  type Advocate,
  type BrandMention,
  DEFAULT_ADVOCACY_THRESHOLDS,
  findAdvocates,
  type Referral,
} from './find-advocates.js';
export { influenceCentrality } from './influence-centrality.js';
export {
  DEFAULT_INFLUENCE_WEIGHTING,
  type InfluenceScore,
  type InfluenceSignals,
  type InfluenceWeighting,
  influenceScore,
} from './influence-score.js';
export {
  buildInteractionGraph,
  DEFAULT_INTERACTION_WEIGHTS,
  type InfluenceEdge,
  type Interaction,
  type InteractionWeights,
} from './interaction-graph.js';
export {
  type ReferralChainValue,
  type ReferralLevel,
  referralChainValue,
} from './referral-chain-value.js';
export {
  type ContactInfluence,
  type ContactSocialProfile,
  scoreContactInfluence,
} from './score-contact-influence.js';
