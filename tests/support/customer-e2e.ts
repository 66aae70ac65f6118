import type { Page } from 'playwright-core';
import { signInAs } from './browser.js';
import { type Caller, gql, signIn } from './graphql-client.js';
import type { Suite } from './suite.js';
import { PASSWORD, type TenantRoleName } from './world.js';

/** A GraphQL caller of tenant A in a role, to prepare what a browser journey works on. */
export async function tenantACaller(suite: Suite, role: TenantRoleName): Promise<Caller> {
  const session = await signIn(suite.api.graphqlUrl, suite.world.users[`a${role}`].email, PASSWORD);
  return { token: session.accessToken, tenantId: suite.world.tenants.a };
}

/** Creates a contact through the api; resolves to its id. */
export async function createContact(
  suite: Suite,
  caller: Caller,
  input: Record<string, unknown>,
): Promise<string> {
  const response = await gql<{ createContact: { id: string } }>(
    suite.api.graphqlUrl,
    'mutation ($input: ContactInput!) { createContact(input: $input) { id } }',
    { input },
    caller,
  );
  const id = response.data?.createContact.id;
  if (!id) throw new Error(`createContact failed: ${JSON.stringify(response.errors)}`);
  return id;
}

/** Signs the browser out (if signed in) and in again as a tenant A user in a role. */
export async function browseAs(page: Page, suite: Suite, role: TenantRoleName): Promise<void> {
  const signOut = page.getByTestId('signout');
  if (await signOut.isVisible().catch(() => false)) {
    await signOut.click();
    await page.getByTestId('signin-email').waitFor();
  }
  await signInAs(page, suite.api.url, suite.world.users[`a${role}`].email, PASSWORD);
}
