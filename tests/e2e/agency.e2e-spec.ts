import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, signInAs, useBrowserPage } from '../support/browser.js';
import { writeCustomerBase } from '../support/customer-base.js';
import { type Caller, gql, signIn } from '../support/graphql-client.js';
import { type ListedMention, listMentions, netSentimentOf } from '../support/mention-tallies.js';
import { ingest, post } from '../support/mentions.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

type Messages = { [key: string]: string | Messages };
const LOCALES_DIR = new URL('../../apps/admin/src/locales/', import.meta.url);
function message(code: string, path: string, params: Record<string, string | number> = {}) {
  let node: string | Messages = JSON.parse(
    readFileSync(new URL(`${code}.json`, LOCALES_DIR), 'utf8'),
  );
  for (const key of path.split('.')) node = (node as Messages)[key] as string | Messages;
  if (typeof node !== 'string') throw new Error(`no message ${path} in ${code}`);
  return node.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

const DAY = 24 * 3600 * 1000;
/** The agency home's 7-day period: the last 7 whole UTC days up to and including today. */
const TO = Math.floor(Date.now() / DAY) * DAY + DAY;
const FROM = TO - 7 * DAY;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600 * 1000).toISOString();

interface Expected {
  mentions: number;
  netSentiment: number | null;
  ownShare: number | null;
}

/** What the agency home should show for a tenant, from its listed mentions. */
function tally(mentions: readonly ListedMention[], ownBrandIds: readonly string[]): Expected {
  const positive = mentions.filter((m) => m.sentiment === 'POSITIVE').length;
  const negative = mentions.filter((m) => m.sentiment === 'NEGATIVE').length;
  // Share of voice by mentions: own-brand mentions over brand mentions (one per brand).
  const brandMentions = mentions.reduce((sum, m) => sum + m.brandIds.length, 0);
  const own = mentions.reduce(
    (sum, m) => sum + m.brandIds.filter((id) => ownBrandIds.includes(id)).length,
    0,
  );
  return {
    mentions: mentions.length,
    netSentiment: netSentimentOf({ positive, negative }),
    ownShare: brandMentions === 0 ? null : own / brandMentions,
  };
}

describe('agency home in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage({ width: 1280, height: 900 });
  let expectedA: Expected;
  let expectedA2: Expected;

  beforeAll(async () => {
    const { api, world } = suite;
    const agent = await signIn(api.graphqlUrl, world.users.aAGENT.email, PASSWORD);
    const callerA = { token: agent.accessToken, tenantId: world.tenants.a };
    await ingest(api.graphqlUrl, callerA, [
      post({ text: 'Brand A is wonderful, I love it', publishedAt: hoursAgo(2) }),
      post({ text: 'Brand A is terrible, I hate it', publishedAt: hoursAgo(30) }),
      post({ text: 'I really love Brand A, best coffee ever!', publishedAt: hoursAgo(50) }),
      post({ text: 'Brand A opens on Sunday?', publishedAt: hoursAgo(70) }),
      // Outside the 7 days: counted in 30, not in 7.
      post({ text: 'Brand A was great back then', publishedAt: hoursAgo(24 * 12) }),
    ]);
    const admin = await signIn(api.graphqlUrl, world.users.northAdmin.email, PASSWORD);
    const callerA2 = { token: admin.accessToken, tenantId: world.tenants.a2 };
    await ingest(api.graphqlUrl, callerA2, [
      post({ text: 'Brand A2 is awful and I hate it', publishedAt: hoursAgo(5) }),
    ]);
    const readerA = { token: admin.accessToken, tenantId: world.tenants.a };
    expectedA = tally(await listMentions(api.graphqlUrl, readerA, FROM, TO), [world.brands.a]);
    expectedA2 = tally(await listMentions(api.graphqlUrl, callerA2, FROM, TO), [world.brands.a2]);
    expect(expectedA.mentions).toBe(4);
  });

  const rowNamed = (name: string) =>
    browser.page.getByTestId('workspace-row').filter({
      has: browser.page.getByTestId('workspace-name').getByText(name, { exact: true }),
    });
  const valueIn = (name: string, testid: string) =>
    rowNamed(name).getByTestId(testid).getAttribute('data-value');
  const asNumber = (value: string | null) =>
    value === '' || value === null ? null : Number(value);

  it('shows each workspace of the agency over 7 days, and creates one that opens (Spanish)', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await signInAs(page, api.url, world.users.northAdmin.email, PASSWORD);
    await page.getByTestId('nav-agency').click();
    await page.getByTestId('page-title').filter({ hasText: 'North' }).waitFor();
    await page
      .getByTestId('agency-period')
      .getByText(message('es', 'agency.periodDays', { days: 7 }))
      .click();
    await expect.poll(() => page.url()).toContain('days=7');

    await expect
      .poll(() => valueIn('Tenant A', 'workspace-mentions'))
      .toBe(String(expectedA.mentions));
    expect(asNumber(await valueIn('Tenant A', 'workspace-net-sentiment'))).toBeCloseTo(
      expectedA.netSentiment ?? Number.NaN,
      6,
    );
    expect(asNumber(await valueIn('Tenant A', 'workspace-own-share'))).toBeCloseTo(
      expectedA.ownShare ?? Number.NaN,
      6,
    );
    await expect
      .poll(() => valueIn('Tenant A2', 'workspace-mentions'))
      .toBe(String(expectedA2.mentions));
    expect(asNumber(await valueIn('Tenant A2', 'workspace-net-sentiment'))).toBe(
      expectedA2.netSentiment,
    );
    await page.screenshot({ path: `${ARTIFACTS_DIR}agency-home-light.png`, fullPage: true });
    await page.getByTestId('color-scheme-toggle').click();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `${ARTIFACTS_DIR}agency-home-dark.png`, fullPage: true });
    await page.getByTestId('color-scheme-toggle').click();
    // Tenant B belongs to another agency.
    expect(await rowNamed('Tenant B').count()).toBe(0);
    // Sorting by mentions, most first.
    await page.getByTestId('sort-mentions').click();
    await expect
      .poll(() => page.getByTestId('workspace-name').first().textContent())
      .toBe('Tenant A');

    // A slug with capitals is refused in Spanish, before anything is sent.
    await page.getByTestId('workspace-new').click();
    await page.getByTestId('workspace-form-name').fill('Espacio Sur');
    await page.getByTestId('workspace-form-slug').fill('Espacio_Sur');
    await page.getByTestId('workspace-form-submit').click();
    await expect
      .poll(() => page.getByTestId('workspace-form').getByTestId('field-error').textContent())
      .toContain(message('es', 'errors.fields.SLUG_FORMAT'));
    await page.screenshot({ path: `${ARTIFACTS_DIR}agency-workspace-dialog.png` });
    await page.getByTestId('workspace-form-slug').fill('');
    await page.getByTestId('workspace-form-submit').click();
    await page.getByTestId('workspace-created').waitFor();
    await rowNamed('Espacio Sur').waitFor();
    expect(await valueIn('Espacio Sur', 'workspace-mentions')).toBe('0');
    // The tenant switcher lists it too.
    await expect
      .poll(() => page.getByTestId('tenant-switcher').locator('option').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/^Espacio Sur\b/)]));

    await rowNamed('Espacio Sur').getByTestId('workspace-open').click();
    await page.waitForURL(/\/listening$/);
    await expect.poll(() => page.locator('.topbar__tenant').textContent()).toBe('Espacio Sur');
    await page.getByTestId('nav-brands').click();
    await page.getByTestId('brands-empty').waitFor();
  });

  it('says it in English, and an agency member sees the home but cannot create workspaces', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await page.getByTestId('locale-switcher').selectOption('en');
    await page.getByTestId('nav-agency').click();
    await page.getByTestId('agency-period').getByText('30 days').waitFor();
    await expect
      .poll(() => page.getByRole('columnheader').allTextContents())
      .toEqual(expect.arrayContaining(['Mentions', 'Net sentiment', 'Own share of voice']));
    // 30 days hold the older mention as well.
    await expect
      .poll(() => valueIn('Tenant A', 'workspace-mentions'))
      .toBe(String(expectedA.mentions + 1));
    expect(await page.getByTestId('workspace-new').count()).toBe(1);

    await page.getByTestId('signout').click();
    await signInAs(page, api.url, world.users.northMember.email, PASSWORD);
    await page.getByTestId('nav-agency').click();
    await rowNamed('Tenant A').waitFor();
    expect(await page.getByTestId('workspace-new').count()).toBe(0);
    expect(await rowNamed('Espacio Sur').count()).toBe(1);
  });

  it('shows the agency’s customer bases on its report, each brand and the total, never another agency’s', async () => {
    const { page } = browser;
    const { api, world, databaseUrl } = suite;
    await writeCustomerBase(databaseUrl, world.tenants.a, {
      buyers: 4,
      staged: ['subscriber', 'opportunity'],
      referrals: 2,
    });
    await writeCustomerBase(databaseUrl, world.tenants.a2, { buyers: 3, referrals: 1 });
    await writeCustomerBase(databaseUrl, world.tenants.b, { buyers: 9, referrals: 5 });
    const admin = await signIn(api.graphqlUrl, world.users.northAdmin.email, PASSWORD);
    // What each brand's own contacts and advocacy pages count.
    const counted = async (tenantId: string) => {
      const caller: Caller = { token: admin.accessToken, tenantId };
      const response = await gql<{
        contacts: { totalCount: number };
        referrals: { totalCount: number };
      }>(
        api.graphqlUrl,
        '{ contacts(first: 1) { totalCount } referrals(first: 1) { totalCount } }',
        {},
        caller,
      );
      return {
        contacts: String(response.data?.contacts.totalCount),
        referrals: String(response.data?.referrals.totalCount),
      };
    };
    const a = await counted(world.tenants.a);
    const a2 = await counted(world.tenants.a2);
    expect(a).toEqual({ contacts: '6', referrals: '2' });

    if (await page.getByTestId('signout').count()) await page.getByTestId('signout').click();
    await signInAs(page, api.url, world.users.northMember.email, PASSWORD);
    await page.getByTestId('locale-switcher').selectOption('en');
    await page.getByTestId('nav-agency').click();
    await page.getByTestId('agency-reports-link').click();
    const section = page.getByTestId('agency-customers');
    await section
      .getByRole('heading', { name: message('en', 'reports.customers.title'), exact: true })
      .waitFor();
    const cell = (table: string, row: string, measure: string) =>
      section
        .getByTestId(`agency-customers-${table}`)
        .getByTestId('agency-customers-row')
        .filter({ has: page.getByRole('rowheader', { name: row, exact: true }) })
        .getByTestId(`agency-customers-${measure}`)
        .getAttribute('data-value');
    const total = message('en', 'reports.agency.total');
    await expect.poll(() => cell('lifecycle', 'Tenant A', 'contacts')).toBe(a.contacts);
    expect(await cell('lifecycle', 'Tenant A2', 'contacts')).toBe(a2.contacts);
    expect(await cell('lifecycle', total, 'contacts')).toBe(
      String(Number(a.contacts) + Number(a2.contacts)),
    );
    expect(await cell('value', 'Tenant A', 'referrals')).toBe(a.referrals);
    expect(await cell('value', total, 'referrals')).toBe('3');
    await expect
      .poll(() =>
        section
          .getByTestId('agency-customers-lifecycle')
          .getByRole('columnheader')
          .allTextContents(),
      )
      .toEqual(
        expect.arrayContaining([
          message('en', 'contacts.stages.subscriber'),
          message('en', 'reports.customers.conversion'),
        ]),
      );
    expect(await section.getByRole('rowheader', { name: 'Tenant B', exact: true }).count()).toBe(0);
    await section.screenshot({ path: `${ARTIFACTS_DIR}agency-report-customers.png` });
    // The same figures in Spanish: headings, stages and the total row in the user's language.
    await page.getByTestId('locale-switcher').selectOption('es');
    await section
      .getByRole('heading', { name: message('es', 'reports.customers.title'), exact: true })
      .waitFor();
    expect(await cell('lifecycle', message('es', 'reports.agency.total'), 'contacts')).toBe(
      String(Number(a.contacts) + Number(a2.contacts)),
    );
    expect(
      await section
        .getByTestId('agency-customers-lifecycle')
        .getByRole('columnheader')
        .allTextContents(),
    ).toEqual(expect.arrayContaining([message('es', 'contacts.stages.subscriber')]));
    await section.screenshot({ path: `${ARTIFACTS_DIR}agency-report-customers-es.png` });
  }, 90_000);
});
