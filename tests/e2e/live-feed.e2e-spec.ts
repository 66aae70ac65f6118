import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser.js';
import { callerOf, createConnector, type SignedIn } from '../support/connectors.js';
import { deliver, pageCommentDelivery } from '../support/fixtures/meta-sender.js';
import { ingest, post } from '../support/mentions.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const APP_SECRET = 'meta-app-secret-live-feed';

describe('live feed in Chromium', () => {
  const suite = useSuite();
  let browser: Browser;
  let page: Page;
  let agentA: SignedIn;

  beforeAll(async () => {
    agentA = await callerOf(suite, 'aAGENT', 'a');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const shot = (name: string) =>
    page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
  const item = (text: string) => page.getByTestId('feed-item').filter({ hasText: text });
  /** A marker that a full page load would wipe: proves updates arrive without a reload. */
  const markPage = () =>
    page.evaluate(() => {
      (globalThis as unknown as { feedMarker: number }).feedMarker = 42;
    });
  const stillSamePage = () =>
    page.evaluate(() => (globalThis as unknown as { feedMarker?: number }).feedMarker === 42);

  it('shows mentions from a Meta webhook and from the api on the open page, pauses and resumes', async () => {
    const { world, api } = suite;
    await page.goto(`${api.url}/`);
    await page.getByTestId('signin-email').fill(world.users.aOWNER.email);
    await page.getByTestId('signin-password').fill(PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('tenant-switcher').waitFor();
    await page.getByTestId('tenant-switcher').selectOption(world.tenants.a);
    await page.getByTestId('nav-feed').click();
    await page.getByTestId('feed-pause').waitFor();
    await expect.poll(() => page.getByTestId('feed-status').textContent()).toMatch(/\S/);
    await markPage();

    // A comment posted through the Meta webhook of a connector of tenant A.
    const manager = await callerOf(suite, 'aMANAGER', 'a');
    const { connector } = await createConnector(suite, manager, {
      kind: 'META_WEBHOOK',
      settings: { channel: 'FACEBOOK' },
      secret: APP_SECRET,
    });
    const comment = `Brand A webhook comment ${Date.now()}`;
    const delivered = await deliver(
      `${api.url}${connector.webhookUrl}`,
      pageCommentDelivery({ id: `${Date.now()}_1`, message: comment }),
      { secret: APP_SECRET },
    );
    expect(delivered.status).toBe(200);
    await item(comment).waitFor({ timeout: 15_000 });
    expect(await stillSamePage()).toBe(true);

    // A mention ingested through the GraphQL api by an agent of tenant A.
    const text = `Live feed check: Brand A ${Date.now()}`;
    const [result] = await ingest(api.graphqlUrl, agentA, [post({ text })]);
    expect(result).toMatchObject({ outcome: 'STORED', matched: true });
    await item(text).waitFor({ timeout: 15_000 });
    expect(await stillSamePage()).toBe(true);
    await expect.poll(() => page.getByTestId('feed-item').first().textContent()).toContain(text);
    await shot('live-feed-01-new-mention');

    // Paused: new mentions wait behind a counter; resuming shows them.
    await page.getByTestId('feed-pause').click();
    const waiting = `Waiting while paused: Brand A ${Date.now()}`;
    await ingest(api.graphqlUrl, agentA, [post({ text: waiting })]);
    await expect.poll(() => page.getByTestId('feed-new-count').textContent()).toBe('1');
    expect(await item(waiting).count()).toBe(0);
    await shot('live-feed-02-paused');
    await page.getByTestId('feed-resume').click();
    await item(waiting).waitFor();

    // A channel filter resubscribes: only matching mentions arrive.
    await page.getByTestId('feed-filter-channel').selectOption('INSTAGRAM');
    await expect.poll(() => page.getByTestId('feed-item').count()).toBe(0);
    const onX = `On X: Brand A ${Date.now()}`;
    const onInstagram = `On Instagram: Brand A ${Date.now()}`;
    await ingest(api.graphqlUrl, agentA, [
      post({ text: onX }),
      post({ text: onInstagram, channel: 'INSTAGRAM' }),
    ]);
    await item(onInstagram).waitFor({ timeout: 15_000 });
    expect(await item(onX).count()).toBe(0);
    expect(await stillSamePage()).toBe(true);
    await shot('live-feed-03-filtered');
  });

  it('names an author once, says when reach is unknown, and assigns a mention to agency staff', async () => {
    const { world, api } = suite;
    await page.goto(`${api.url}/listening/feed`);
    await page.getByTestId('feed-pause').waitFor();
    const text = `Quiet author: Brand A ${Date.now()}`;
    const handle = `@quiet${Date.now()}`;
    await ingest(api.graphqlUrl, agentA, [post({ text, author: { handle } })]);
    const mention = item(text);
    await mention.waitFor({ timeout: 15_000 });
    // No display name: the handle is the name, shown once; no follower count: reach unknown.
    const header = (await mention.locator('header').textContent()) ?? '';
    expect(header.split(handle).length - 1).toBe(1);
    expect(await mention.getByTestId('feed-item-reach').textContent()).toBe('Alcance: desconocido');

    // North's member works in tenant A through the agency alone, and can be assigned.
    const assign = mention.getByTestId('mention-assign');
    await assign.selectOption(world.users.northMember.id);
    // The choice stays shown while it is saved, and after.
    expect(await assign.inputValue()).toBe(world.users.northMember.id);
    await expect
      .poll(() => mention.getByTestId('mention-action-outcome').textContent())
      .toContain('Asignada.');
    expect(await assign.inputValue()).toBe(world.users.northMember.id);
    await shot('live-feed-04-assigned');
    await page.reload();
    await item(text).waitFor({ timeout: 15_000 });
    expect(await item(text).getByTestId('mention-assign').inputValue()).toBe(
      world.users.northMember.id,
    );
    // A viewer is never offered as an assignee.
    const offered = await item(text)
      .getByTestId('mention-assign')
      .locator('option')
      .evaluateAll((options) => options.map((option) => option.getAttribute('value')));
    expect(offered).not.toContain(world.users.aVIEWER.id);
    expect(offered).toContain(world.users.aAGENT.id);
  });
});
