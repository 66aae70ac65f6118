import { graphql, type ResultOf } from '../../graphql.js';

export const CustomerValueFitFields = graphql(`
  fragment CustomerValueFitFields on CustomerValueFit {
    id
    state
    calibrationEnd
    horizonMonths
    annualDiscountRate
    margin
    customersUsed
    spendCustomersUsed
    customersSetAside
    ordersSetAside
    spendCustomersSetAside
    contactsScored
    failure
    requestedAt
    finishedAt
    bgNbd {
      r
      alpha
      a
      b
      logLikelihood
    }
    gammaGamma {
      p
      q
      gamma
      logLikelihood
    }
    fitCheck {
      weekStart
      actual
      predicted
    }
  }
`);

export const CustomerValueQuery = graphql(
  `
  query CustomerValue {
    latestCustomerValueFit {
      ...CustomerValueFitFields
    }
    customerValueFits(first: 1) {
      id
      state
      failure
      requestedAt
    }
    clvDistribution(buckets: 20) {
      from
      to
      contacts
    }
    topCustomersByValue(first: 10) {
      contactId
      displayName
      clv
      probabilityAlive
      expectedPurchases365
    }
    currencySettings {
      reportingCurrency
    }
  }
`,
  [CustomerValueFitFields],
);

export const FitCustomerValueMutation = graphql(`
  mutation FitCustomerValue($input: CustomerValueFitInput) {
    fitCustomerValue(input: $input) {
      id
      state
    }
  }
`);

export type CustomerValueFit = ResultOf<typeof CustomerValueFitFields>;
export type ClvBucket = ResultOf<typeof CustomerValueQuery>['clvDistribution'][number];
export type TopCustomer = ResultOf<typeof CustomerValueQuery>['topCustomersByValue'][number];
