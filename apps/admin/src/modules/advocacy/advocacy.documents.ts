import { graphql, type ResultOf } from '../../graphql.js';

export const AdvocacyQuery = graphql(`
  query Advocacy($first: Int!) {
    referrals(first: $first) {
      totalCount
      edges { node { id referredAt source referrer { id displayName } referred { id displayName } } }
    }
    referralLeaderboard(first: 20) {
      contact { id displayName }
      directReferrals directRevenue indirectRevenue totalRevenue depth
    }
    advocates(first: 20) {
      contact { id displayName }
      influence positiveMentions referrals reasons
    }
    influencers(first: 20) { contact { id displayName } influence followers referrals }
    referralIncentives { referrer { id displayName } referrals qualifyingReferrals referredRevenue owed capped }
    referralIncentiveRule { amount qualifyOn revenuePercent capPerReferrer }
    currencySettings { reportingCurrency }
  }
`);
export type AdvocacyData = ResultOf<typeof AdvocacyQuery>;
export type ReferralRow = AdvocacyData['referrals']['edges'][number]['node'];
export type LeaderRow = AdvocacyData['referralLeaderboard'][number];
export type AdvocateRow = AdvocacyData['advocates'][number];
export type InfluencerRow = AdvocacyData['influencers'][number];
export type IncentiveRow = AdvocacyData['referralIncentives'][number];
export type IncentiveRule = AdvocacyData['referralIncentiveRule'];

export const AdvocacyContactSearchQuery = graphql(`
  query AdvocacyContactSearch($search: String, $first: Int!) {
    contacts(search: $search, first: $first) { edges { node { id displayName emails } } }
  }
`);

export const RecordReferralMutation = graphql(`
  mutation RecordReferral($input: RecordReferralInput!) { recordReferral(input: $input) { id } }
`);

export const DeleteReferralMutation = graphql(`
  mutation DeleteReferral($id: ID!) { deleteReferral(id: $id) }
`);

export const UpdateReferralIncentiveRuleMutation = graphql(`
  mutation UpdateReferralIncentiveRule($input: ReferralIncentiveRuleInput!) {
    updateReferralIncentiveRule(input: $input) { amount qualifyOn revenuePercent capPerReferrer }
  }
`);
