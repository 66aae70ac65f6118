import { graphql, type ResultOf } from '../../graphql.js';

export const RfmInsightsQuery = graphql(`
  query RfmInsights($basis: RfmBasis!) {
    rfmGrid(basis: $basis) {
      basis
      scoredContacts
      scoredAt
      cells {
        recency
        frequency
        contacts
        revenue
      }
    }
    revenuePareto {
      customers
      totalRevenue
      eightyPercentCustomers
      eightyPercentCustomerShare
      points {
        customerShare
        revenueShare
      }
    }
    currencySettings {
      reportingCurrency
    }
  }
`);

export const RecomputeRfmMutation = graphql(`
  mutation RecomputeRfm {
    recomputeRfm {
      purchasesScored
      engagementScored
      scoredAt
    }
  }
`);

export const ContactScoresQuery = graphql(`
  query ContactScores($id: ID!) {
    contact(id: $id) {
      id
      scores {
        rfmRecency
        rfmFrequency
        rfmMonetary
        rfmSegment
        engagementRecency
        engagementFrequency
        engagementMonetary
        engagementSegment
        followers
        sentiment
        lastInteractionAt
      }
    }
  }
`);

export type RfmCell = ResultOf<typeof RfmInsightsQuery>['rfmGrid']['cells'][number];
export type RevenuePareto = ResultOf<typeof RfmInsightsQuery>['revenuePareto'];
export type ContactScores = NonNullable<ResultOf<typeof ContactScoresQuery>['contact']>['scores'];
