import { gql } from '../../support/graphql-client.js';
import type { IsolationArea } from './area.js';

const RULE = { amount: 5, qualifyOn: 'SIGNUP', revenuePercent: 0 };

/** Referrals, chain values, influence and incentives, aimed at tenant B's referral and contacts. */
export const advocacyArea: IsolationArea = {
  async prepare(graphqlUrl, bOwner) {
    const contact = async (name: string) => {
      const response = await gql<{ createContact: { id: string } }>(
        graphqlUrl,
        'mutation($name: String!) { createContact(input: { firstName: $name }) { id } }',
        { name },
        bOwner,
      );
      const id = response.data?.createContact.id;
      if (!id) throw new Error(`tenant B's contact was not created: ${JSON.stringify(response)}`);
      return id;
    };
    const [bReferrerId, bReferredId, bOtherId] = [
      await contact('B referrer'),
      await contact('B referred'),
      await contact('B other'),
    ];
    const referral = await gql<{ recordReferral: { id: string } }>(
      graphqlUrl,
      'mutation($input: RecordReferralInput!) { recordReferral(input: $input) { id } }',
      { input: { referrerId: bReferrerId, referredId: bReferredId } },
      bOwner,
    );
    const bReferralId = referral.data?.recordReferral.id;
    if (!bReferralId) throw new Error(`tenant B's referral failed: ${JSON.stringify(referral)}`);
    return { bReferrerId, bReferredId, bOtherId, bReferralId };
  },
  operations: {
    recordReferral: {
      document: 'mutation($input: RecordReferralInput!) { recordReferral(input: $input) { id } }',
      variables: (_w, t) => ({ input: { referrerId: t.bReferrerId, referredId: t.bOtherId } }),
    },
    deleteReferral: {
      document: 'mutation($id: ID!) { deleteReferral(id: $id) }',
      variables: (_w, t) => ({ id: t.bReferralId }),
    },
    referrals: {
      document: '{ referrals { totalCount edges { node { id referrer { id } } } } }',
      variables: () => ({}),
    },
    referralValue: {
      document:
        'query($id: ID!) { referralValue(contactId: $id) { totalRevenue directReferrals } }',
      variables: (_w, t) => ({ id: t.bReferrerId }),
    },
    referralLeaderboard: {
      document: '{ referralLeaderboard { contact { id } totalRevenue } }',
      variables: () => ({}),
    },
    advocates: { document: '{ advocates { contact { id } } }', variables: () => ({}) },
    influencers: { document: '{ influencers { contact { id } } }', variables: () => ({}) },
    referralIncentives: {
      document: '{ referralIncentives { referrer { id } owed } }',
      variables: () => ({}),
    },
    referralIncentiveRule: {
      document: '{ referralIncentiveRule { amount qualifyOn } }',
      variables: () => ({}),
    },
    updateReferralIncentiveRule: {
      document:
        'mutation($input: ReferralIncentiveRuleInput!) { updateReferralIncentiveRule(input: $input) { amount } }',
      variables: () => ({ input: RULE }),
    },
  },
};
