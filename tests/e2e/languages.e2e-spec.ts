import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs, useBrowserPage } from '../support/browser.js';
import { gql, signIn } from '../support/graphql-client.js';
import { ingest, post } from '../support/mentions.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

type Messages = { [key: string]: string | Messages };
const LOCALES_DIR = new URL('../../apps/admin/src/locales/', import.meta.url);
const messages = (code: string): Messages =>
  JSON.parse(readFileSync(new URL(`${code}.json`, LOCALES_DIR), 'utf8'));

function leaves(tree: Messages, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [k, v] of leaves(value, path)) found.set(k, v);
  }
  return found;
}

/**
 * English phrases that must not appear in `code`'s pages: the literal parts (placeholders and
 * plural branches split off) of every English message the locale translates differently, kept
 * when they are at least two words, so a shared word ("Email", "Instagram") is no false alarm.
 */
function englishPhrasesMissingFrom(code: string): string[] {
  const english = leaves(messages('en'));
  const translated = leaves(messages(code));
  const theirs = [...translated.values()].join('\n');
  const phrases = new Set<string>();
  for (const [key, text] of english) {
    if (translated.get(key) === text) continue;
    for (const fragment of text.split(/\{[^}]*\}|\|/)) {
      const phrase = fragment.trim().replace(/[.:…]+$/, '');
      if (/\p{L}+\s+\p{L}+/u.test(phrase) && phrase.length >= 8 && !theirs.includes(phrase))
        phrases.add(phrase);
    }
  }
  return [...phrases];
}

/** Everything a user reads on the page: its text and the words in titles, labels and hints. */
async function readableText(page: Page): Promise<string> {
  const attributes = await page
    .locator('[title],[aria-label],[placeholder]')
    .evaluateAll((elements) =>
      elements.flatMap((element) =>
        ['title', 'aria-label', 'placeholder'].map((name) => element.getAttribute(name) ?? ''),
      ),
    );
  // What the user sees, so rendered text (innerText), not hidden nodes' text.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point here.
  const visible = await page.locator('body').innerText();
  return [visible, ...attributes].join('\n');
}

const NAMESPACES = Object.keys(messages('en'));
/** A message key shown as is (vue-i18n's answer to a missing translation). */
const RAW_KEY = new RegExp(`\\b(?:${NAMESPACES.join('|')})\\.[a-zA-Z]+(?:\\.[\\w]+)*`, 'g');
/** A decimal point where Spanish and Russian write a comma ("0.33", "77.8 %"). */
const ENGLISH_DECIMAL = /(?<![\d.])\d+\.\d{1,2}(?![\d.])/g;

const NAV = [
  'nav-brands',
  'nav-contacts',
  'nav-companies',
  'nav-duplicates',
  'nav-import',
  'nav-exports',
  'nav-privacy',
  'nav-custom-fields',
  'nav-listening',
  'nav-feed',
  'nav-connectors',
  'nav-members',
  'nav-api-keys',
  'nav-listening-settings',
  'nav-reports',
  'nav-segments',
  'nav-rfm',
  'nav-lifecycle',
  'nav-customer-value',
  'nav-advocacy',
  'nav-maturity',
  'nav-agency',
];

describe('every admin page in Spanish and Russian', () => {
  const suite = useSuite();
  let contactId = '';
  let companyId = '';
  const browser = useBrowserPage({ width: 1280, height: 900 });

  beforeAll(async () => {
    const { api, world } = suite;
    const owner = await signIn(api.graphqlUrl, world.users.aOWNER.email, PASSWORD);
    const caller = { token: owner.accessToken, tenantId: world.tenants.a };
    const competitor = await gql(
      api.graphqlUrl,
      'mutation { createBrand(input: { name: "Brand Z", kind: COMPETITOR, keywords: ["brand z"] }) { id } }',
      {},
      caller,
    );
    expect(competitor.errors).toBeUndefined();
    // Figures with fractions to format: shares of voice of a third, sentiment scores, followers
    // in the thousands.
    await ingest(api.graphqlUrl, caller, [
      post({
        text: 'Brand A is wonderful, I love it',
        author: { handle: '@big', followers: 15_300 },
      }),
      post({ text: 'Brand A is terrible, I hate it' }),
      post({ text: 'Brand Z opens on Sunday?', author: { handle: '@quiet' } }),
    ]);
    // A customer with a company, a note, an order in cents and email engagement to show.
    const customer = await gql<{ createContact: { id: string } }>(
      api.graphqlUrl,
      'mutation { createContact(input: { firstName: "Lucía", lastName: "García", emails: ["lucia@example.com"], phones: ["+34612345678"], country: "ES", tags: ["vip"] }) { id } }',
      {},
      caller,
    );
    contactId = customer.data?.createContact.id ?? '';
    const company = await gql<{ createCompany: { id: string } }>(
      api.graphqlUrl,
      'mutation { createCompany(input: { name: "Estudio Norte", domain: "estudionorte.example" }) { id } }',
      {},
      caller,
    );
    companyId = company.data?.createCompany.id ?? '';
    const writes = await gql(
      api.graphqlUrl,
      `mutation($contact: ID!, $company: ID!) {
         linkContactToCompany(contactId: $contact, companyId: $company, role: "Buyer") { id }
         addNote(contactId: $contact, body: "Prefers oat milk") { id }
         recordOrder(input: { externalId: "lang-1", contactId: $contact, orderedAt: "2026-11-02T09:30:00Z", amount: "12.50", currency: "USD" }) { id }
         recordEngagementEvent(input: { externalId: "lang-e1", contactId: $contact, kind: OPENED, campaign: "Noviembre", occurredAt: "2026-11-03T10:00:00Z" }) { id }
       }`,
      { contact: contactId, company: companyId },
      caller,
    );
    expect(writes.errors).toBeUndefined();
  });

  /** Each page the signed-in user can reach, then the brand forms for those who may edit. */
  async function visitEveryPage(page: Page, code: string, visit: (name: string) => Promise<void>) {
    await page.getByTestId('locale-switcher').selectOption(code);
    for (const testid of NAV) {
      const link = page.getByTestId(testid);
      if (!(await link.count())) continue;
      await link.click();
      await visit(testid);
    }
  }

  async function settled(page: Page): Promise<void> {
    await page.getByTestId('page-title').waitFor();
    await page.waitForLoadState('networkidle');
  }

  for (const role of ['aOWNER', 'aVIEWER', 'northAdmin'] as const) {
    for (const code of ['es', 'ru']) {
      it(`shows ${role === 'aOWNER' ? 'an owner' : role === 'aVIEWER' ? 'a viewer' : 'an agency admin'} every page in ${code} with no English, raw keys or English decimals`, async () => {
        const { page } = browser;
        const { api, world } = suite;
        await signInAs(page, api.url, world.users[role].email, PASSWORD);
        await page.getByTestId('tenant-switcher').selectOption(world.tenants.a);
        const english = englishPhrasesMissingFrom(code);
        const problems: string[] = [];
        const check = async (where: string) => {
          await settled(page);
          const text = await readableText(page);
          for (const phrase of english)
            if (text.includes(phrase)) problems.push(`${where}: English "${phrase}"`);
          for (const key of text.match(RAW_KEY) ?? []) problems.push(`${where}: raw key ${key}`);
          for (const number of text.match(ENGLISH_DECIMAL) ?? [])
            problems.push(`${where}: English decimal ${number}`);
        };
        const visited: string[] = [];
        await visitEveryPage(page, code, async (testid) => {
          visited.push(testid);
          await check(testid);
        });
        if (role === 'northAdmin') {
          // The agency's reports, marketing and customers, behind the agency home's link.
          await page.getByTestId('nav-agency').click();
          await page.getByTestId('agency-reports-link').click();
          await page.getByTestId('agency-customers').waitFor();
          await check('agency-reports');
        }
        if (role === 'aOWNER') {
          await page.goto(`${api.url}/brands/new`);
          await check('brand-new');
          await page.goto(`${api.url}/brands/${world.brands.a}/edit`);
          await check('brand-edit');
          await page.goto(`${api.url}/contacts/new`);
          await check('contact-new');
        }
        await page.goto(`${api.url}/contacts/${contactId}`);
        await check('contact');
        await page.goto(`${api.url}/companies/${companyId}`);
        await check('company');
        expect(visited.length).toBeGreaterThanOrEqual(role === 'aVIEWER' ? 3 : 6);
        if (role === 'northAdmin') expect(visited).toContain('nav-agency');
        expect(problems).toEqual([]);
        await page.getByTestId('signout').click();
        await page.getByTestId('signin-email').waitFor();
        // Some thirty pages each, every one until the network is idle.
      }, 120_000);
    }
  }
});
