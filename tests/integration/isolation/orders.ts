import { gql } from '../../support/graphql-client.js';
import type { IsolationArea } from './area.js';

const ORDER_INPUT = `{ externalId: "spy-order", contactExternalId: "spy", orderedAt: "2026-01-01T00:00:00Z", amount: "1.00", currency: "USD" }`;
const EVENT_INPUT = `{ externalId: "spy-event", kind: OPENED, contactExternalId: "spy", occurredAt: "2026-01-01T00:00:00Z" }`;

/** Orders, email engagement and currency settings, aimed at tenant B's. */
export const ordersArea: IsolationArea = {
  async prepare(graphqlUrl, bOwner) {
    const order = await gql<{ recordOrder: { id: string } }>(
      graphqlUrl,
      'mutation { recordOrder(input: { externalId: "b-order", contactExternalId: "b-customer", orderedAt: "2026-01-01T00:00:00Z", amount: "5.00", currency: "USD" }) { id } }',
      {},
      bOwner,
    );
    await gql(
      graphqlUrl,
      'mutation { recordEngagementEvent(input: { externalId: "b-event", kind: SENT, contactExternalId: "b-customer", occurredAt: "2026-01-01T00:00:00Z" }) { id } }',
      {},
      bOwner,
    );
    await gql(
      graphqlUrl,
      'mutation { setCurrencyRate(input: { currency: "GBP", date: "2026-01-01", rate: "1.25" }) { rate } }',
      {},
      bOwner,
    );
    const bOrderId = order.data?.recordOrder.id;
    if (!bOrderId) throw new Error(`tenant B's order was not recorded: ${JSON.stringify(order)}`);
    return { bOrderId };
  },
  operations: {
    orders: { document: '{ orders { totalCount edges { node { id } } } }', variables: () => ({}) },
    order: {
      document: 'query($id: ID!) { order(id: $id) { id amount } }',
      variables: (_w, t) => ({ id: t.bOrderId }),
    },
    recordOrder: {
      document: `mutation { recordOrder(input: ${ORDER_INPUT}) { id } }`,
      variables: () => ({}),
    },
    engagementEvents: {
      document: '{ engagementEvents { totalCount edges { node { id } } } }',
      variables: () => ({}),
    },
    recordEngagementEvent: {
      document: `mutation { recordEngagementEvent(input: ${EVENT_INPUT}) { id } }`,
      variables: () => ({}),
    },
    currencySettings: {
      document: '{ currencySettings { reportingCurrency rates { totalCount } } }',
      variables: () => ({}),
    },
    setReportingCurrency: {
      document: 'mutation { setReportingCurrency(currency: "EUR") { reportingCurrency } }',
      variables: () => ({}),
    },
    setCurrencyRate: {
      document:
        'mutation { setCurrencyRate(input: { currency: "GBP", date: "2026-01-01", rate: "9" }) { rate } }',
      variables: () => ({}),
    },
    deleteCurrencyRate: {
      document: 'mutation { deleteCurrencyRate(currency: "GBP", date: "2026-01-01") }',
      variables: () => ({}),
    },
  },
};
