import { type Caller, gql } from './graphql-client.js';

export const FIT_FIELDS = `id state calibrationEnd failure customersUsed spendCustomersUsed
  customersSetAside ordersSetAside spendCustomersSetAside contactsScored
  bgNbd { r alpha a b logLikelihood converged } gammaGamma { p q gamma logLikelihood converged }
  fitCheck { weekStart actual predicted }`;

export interface FitView {
  id: string;
  state: string;
  failure: string | null;
  customersUsed: number | null;
  spendCustomersUsed: number | null;
  customersSetAside: number | null;
  ordersSetAside: number | null;
  spendCustomersSetAside: number | null;
  contactsScored: number | null;
  bgNbd: { r: number; alpha: number; a: number; b: number; converged: boolean } | null;
  gammaGamma: { p: number; q: number; gamma: number; converged: boolean } | null;
  fitCheck: { weekStart: string; actual: number; predicted: number }[];
}

/** Asks for a fit and waits until the job has finished it. */
export async function fitCustomerValue(
  graphqlUrl: string,
  caller: Caller,
  input: Record<string, unknown>,
  timeoutMs = 120_000,
): Promise<FitView> {
  const asked = await gql<{ fitCustomerValue: { id: string } }>(
    graphqlUrl,
    'mutation($input: CustomerValueFitInput) { fitCustomerValue(input: $input) { id state } }',
    { input },
    caller,
  );
  const id = asked.data?.fitCustomerValue.id;
  if (!id) throw new Error(`fitCustomerValue: ${JSON.stringify(asked.errors)}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const read = await gql<{ customerValueFit: FitView }>(
      graphqlUrl,
      `query($id: ID!) { customerValueFit(id: $id) { ${FIT_FIELDS} } }`,
      { id },
      caller,
    );
    const fit = read.data?.customerValueFit;
    if (fit && (fit.state === 'SUCCEEDED' || fit.state === 'FAILED')) return fit;
    if (Date.now() > deadline) throw new Error(`fit not finished: ${JSON.stringify(read)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
