import { readFileSync } from 'node:fs';
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
const esErrors = JSON.parse(
  readFileSync(new URL('../../apps/admin/src/locales/es.json', import.meta.url), 'utf8'),
).errors as Record<string, string>;

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
    await page.getByTestId('feed-filter-channel').click();
    await page.getByRole('option', { name: 'Instagram' }).click();
    await page.keyboard.press('Escape');
    await expect
      .poll(() => new URL(page.url()).searchParams.getAll('channel'))
      .toEqual(['INSTAGRAM']);
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
    await assign.locator('.p-select').click();
    await page.getByRole('option', { name: world.users.northMember.email }).click();
    // The choice stays shown while it is saved, and after.
    expect(await assign.getAttribute('data-value')).toBe(world.users.northMember.id);
    await expect
      .poll(() => mention.getByTestId('mention-action-outcome').textContent())
      .toContain('Asignada.');
    expect(await assign.getAttribute('data-value')).toBe(world.users.northMember.id);
    await shot('live-feed-04-assigned');
    await page.reload();
    await item(text).waitFor({ timeout: 15_000 });
    const reloaded = item(text).getByTestId('mention-assign');
    expect(await reloaded.getAttribute('data-value')).toBe(world.users.northMember.id);
    // A viewer is never offered as an assignee.
    await reloaded.locator('.p-select').click();
    const offered = await page.getByRole('option').allTextContents();
    await page.keyboard.press('Escape');
    expect(offered.join('\n')).not.toContain(world.users.aVIEWER.email);
    expect(offered.join('\n')).toContain(world.users.aAGENT.email);
  });

  // One author's posts: some in the date range, one before it, and another author's in it.
  const DAY = 24 * 3600 * 1000;
  const stamp = Date.now();
  const author = `urlauthor${stamp}`;
  const other = `otherauthor${stamp}`;
  const from = new Date(stamp - 5 * DAY).toISOString();
  const to = new Date(stamp + DAY).toISOString();
  const seeded = [
    post({
      text: `URL A1 Brand A ${stamp}`,
      author: { handle: `@${author}`, displayName: 'Url Author', followers: 15_300 },
      publishedAt: new Date(stamp - 1 * DAY).toISOString(),
    }),
    post({
      text: `URL A2 Brand A ${stamp}`,
      author: { handle: `@${author}`, displayName: 'Url Author', followers: 15_300 },
      publishedAt: new Date(stamp - 2 * DAY).toISOString(),
    }),
    post({
      text: `URL A3 Brand A ${stamp}`,
      author: { handle: `@${author}`, displayName: 'Url Author', followers: 15_300 },
      publishedAt: new Date(stamp - 3 * DAY).toISOString(),
    }),
    post({
      text: `URL old Brand A ${stamp}`,
      author: { handle: `@${author}`, displayName: 'Url Author', followers: 15_300 },
      publishedAt: new Date(stamp - 20 * DAY).toISOString(),
    }),
    post({
      text: `URL other Brand A ${stamp}`,
      author: { handle: `@${other}` },
      publishedAt: new Date(stamp - 1 * DAY).toISOString(),
    }),
  ];
  /** What the filter must show, computed here from what was sent (not read from the api). */
  const expected = (posts: ReturnType<typeof post>[]) =>
    posts
      .filter((entry) => {
        const handle = String((entry.author as { handle: string }).handle).replace(/^@/, '');
        const at = Date.parse(String(entry.publishedAt));
        return handle === author && at >= Date.parse(from) && at < Date.parse(to);
      })
      .map((entry) => String(entry.text))
      .sort();
  const shownTexts = async () =>
    (await page.getByTestId('feed-item-text').allTextContents()).map((text) => text.trim()).sort();
  const feedUrl = (query: string) => `${suite.api.url}/listening/feed?${query}`;

  it('shows exactly the mentions of an author and date range from the URL, listed and live (es)', async () => {
    const { api } = suite;
    await ingest(api.graphqlUrl, agentA, seeded);
    const want = expected(seeded);
    expect(want).toHaveLength(3);
    await page.goto(
      feedUrl(`author=${author}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
    );
    await expect.poll(shownTexts, { timeout: 15_000 }).toEqual(want);
    expect(await page.getByTestId('feed-filter-author').inputValue()).toBe(author);
    expect(await page.getByTestId('feed-status').textContent()).toMatch(/\S/);
    await markPage();

    // Live: the subscription has the same filter.
    const live = [
      post({
        text: `URL live match Brand A ${Date.now()}`,
        author: { handle: `@${author}`, displayName: 'Url Author', followers: 15_300 },
      }),
      post({ text: `URL live other Brand A ${Date.now()}`, author: { handle: `@${other}` } }),
      post({
        text: `URL live old Brand A ${Date.now()}`,
        author: { handle: `@${author}`, displayName: 'Url Author' },
        publishedAt: new Date(stamp - 30 * DAY).toISOString(),
      }),
    ];
    await ingest(api.graphqlUrl, agentA, live);
    const wantLive = expected([...seeded, ...live]);
    expect(wantLive).toHaveLength(4);
    await expect.poll(shownTexts, { timeout: 15_000 }).toEqual(wantLive);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await shownTexts()).toEqual(wantLive);
    expect(await stillSamePage()).toBe(true);
    await shot('live-feed-05-url-filter');
  });

  it('is usable with the keyboard alone: j/k, the drawer, assign with a, help with ? (en)', async () => {
    const { world } = suite;
    await page.getByTestId('locale-switcher').selectOption('en');
    await page.goto(
      feedUrl(`author=${author}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
    );
    await expect.poll(() => page.getByTestId('feed-item').count(), { timeout: 15_000 }).toBe(4);
    const active = page.locator('[data-testid="feed-item"][data-active="true"]');
    const focusedItem = page.locator('[data-testid="feed-item"]:focus');
    await page.locator('body').click({ position: { x: 5, y: 5 } });

    await page.keyboard.press('j');
    await expect.poll(() => active.getAttribute('aria-posinset')).toBe('1');
    await page.keyboard.press('j');
    await expect.poll(() => active.getAttribute('aria-posinset')).toBe('2');
    await expect.poll(() => focusedItem.getAttribute('aria-posinset')).toBe('2');
    await page.keyboard.press('k');
    await expect.poll(() => active.getAttribute('aria-posinset')).toBe('1');
    await expect
      .poll(() => page.getByTestId('feed-announcement').textContent())
      .toContain('Mention 1 of 4 selected');
    const firstText = (await active.getByTestId('feed-item-text').textContent())?.trim() ?? '';

    // Typing in a field never moves the selection.
    await page.keyboard.press('/');
    await expect
      .poll(() =>
        page.getByTestId('feed-search').evaluate((el) => el === el.ownerDocument.activeElement),
      )
      .toBe(true);
    await page.keyboard.type('j');
    await page.keyboard.press('Backspace');
    expect(await active.getAttribute('aria-posinset')).toBe('1');
    await page.keyboard.press('Tab');
    await focusedItem
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);

    // Enter opens the drawer: the post, the author's profile, influence and history.
    await active.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('mention-drawer');
    await drawer.waitFor();
    expect((await drawer.getByTestId('mention-drawer-text').textContent())?.trim()).toBe(firstText);
    const profile = (await drawer.getByTestId('mention-drawer-author').textContent()) ?? '';
    expect(profile).toContain(`@${author}`);
    expect(profile).toContain('Url Author');
    expect(profile).toContain('15,300');
    expect(await drawer.getByTestId('mention-drawer-influence').textContent()).toContain(
      'Micro influencer',
    );
    // The author's other mentions: all six but this one, those out of the range too.
    await expect
      .poll(() => drawer.getByTestId('mention-drawer-history-item').count(), { timeout: 10_000 })
      .toBe(5);
    await shot('live-feed-06-drawer');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // a opens the assignee list of the selected mention; arrows and Enter choose.
    await page.keyboard.press('a');
    const listbox = page.getByRole('listbox');
    await listbox.waitFor();
    // Arrows walk the list from its top ("Unassigned") to the first person.
    const option = page.locator('.p-select-option.p-focus');
    const focused = async () =>
      ((await option.count()) ? ((await option.textContent()) ?? '') : '').trim();
    for (let step = 0; step < 3 && !(await focused()).includes('@example.com'); step++) {
      await page.keyboard.press('ArrowDown');
    }
    const chosen = await focused();
    expect(chosen).toContain('@example.com');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => active.getByTestId('mention-action-outcome').textContent())
      .toContain('Assigned.');
    const person = Object.values(world.users).find((user) => user.email === chosen);
    expect(await active.getByTestId('mention-assign').getAttribute('data-value')).toBe(person?.id);

    // r opens the reply box of the selected mention and puts the cursor in it.
    await active.focus();
    await page.keyboard.press('r');
    await expect
      .poll(() =>
        active
          .getByTestId('mention-reply-text')
          .evaluate((el) => el === el.ownerDocument.activeElement),
      )
      .toBe(true);
    // Typed there, j is text, not a move.
    await page.keyboard.type('jk');
    expect(await active.getByTestId('mention-reply-text').inputValue()).toBe('jk');
    expect(await active.getAttribute('aria-posinset')).toBe('1');

    // ? lists the shortcuts.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const helpText = (await help.textContent()) ?? '';
    for (const phrase of [
      'Next mention',
      'Previous mention',
      'Open the details',
      'Reply to the mention',
      'Go to the search box',
    ])
      expect(helpText).toContain(phrase);
    await shot('live-feed-07-help');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
  });

  it('saves the filter as a view, applies, renames and deletes it, and bulk-assigns (es)', async () => {
    const { world } = suite;
    await page.getByTestId('locale-switcher').selectOption('es');
    const want = expected(seeded).length + 1; // with the live match
    await page.goto(feedUrl(`author=${author}`));
    // Without the date range: the older post of the author too.
    await expect
      .poll(() => page.getByTestId('feed-item').count(), { timeout: 15_000 })
      .toBe(want + 2);
    const name = `Autor ${stamp}`;
    await page.getByTestId('saved-view-save').click();
    await page.getByTestId('saved-view-name').fill(name);
    await page.getByTestId('saved-view-submit').click();
    await page.getByTestId('saved-view-name').waitFor({ state: 'hidden' });

    // Elsewhere (no filter), picking the view brings its filter back, in the URL too.
    await page.goto(feedUrl(''));
    await page.getByTestId('feed-item').first().waitFor({ timeout: 15_000 });
    await page.getByTestId('saved-view-select').click();
    await page.getByRole('option', { name }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('author')).toBe(author);
    await expect
      .poll(() => page.getByTestId('feed-item').count(), { timeout: 15_000 })
      .toBe(want + 2);

    const renamed = `${name} renombrada`;
    await page.getByTestId('saved-view-rename').click();
    await page.getByTestId('saved-view-name').fill(renamed);
    await page.getByTestId('saved-view-submit').click();
    await expect.poll(() => page.getByTestId('saved-view-select').textContent()).toContain(renamed);

    // Bulk: two by checkbox, one with x; then assign them all.
    const items = page.getByTestId('feed-item');
    await items.nth(0).getByTestId('feed-item-check').click();
    await items.nth(1).getByTestId('feed-item-check').click();
    await items.nth(2).focus();
    await page.keyboard.press('x');
    await expect
      .poll(() => page.getByTestId('feed-bulk-count').textContent())
      .toContain('Seleccionadas: 3');
    const ids = await page
      .locator('[data-testid="feed-item"].feed-item--checked')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-mention-id')));
    expect(ids).toHaveLength(3);
    await page.getByTestId('feed-bulk-assignee').click();
    await page.getByRole('option', { name: world.users.northMember.email }).click();
    await page.getByTestId('feed-bulk-assign').click();
    await expect
      .poll(() => page.getByTestId('feed-bulk-outcome').textContent())
      .toContain('Asignadas: 3 de 3.');
    for (const id of ids)
      expect(
        await page
          .locator(`[data-mention-id="${id}"]`)
          .getByTestId('mention-assign')
          .getAttribute('data-value'),
      ).toBe(world.users.northMember.id);
    await shot('live-feed-08-bulk');
    // The same in the dark scheme (looked at by eye; the toggle is the layout's).
    await page.getByTestId('color-scheme-toggle').click();
    await shot('live-feed-09-dark');
    await items.nth(0).getByTestId('feed-item-details').click();
    await page.getByTestId('mention-drawer').waitFor();
    await shot('live-feed-10-drawer-dark');
    await page.keyboard.press('Escape');
    await page.getByTestId('mention-drawer').waitFor({ state: 'hidden' });
    await page.getByTestId('color-scheme-toggle').click();

    // Mark the authors as leads: one result per mention; a failed one is named with its reason.
    // (The api's answer for the second mention is turned into a NOT_FOUND on the way.)
    await page.route('**/graphql', async (route) => {
      if (!route.request().postData()?.includes('markAuthorsAsLeads')) return route.fallback();
      const response = await route.fetch();
      const body = (await response.json()) as {
        data: { markAuthorsAsLeads: Array<Record<string, unknown>> };
      };
      const second = body.data.markAuthorsAsLeads[1];
      if (second)
        Object.assign(second, { ok: false, errorCode: 'NOT_FOUND', errorMessage: 'no mention' });
      await route.fulfill({ response, json: body });
    });
    await page.getByTestId('feed-bulk-leads').click();
    await expect
      .poll(() => page.getByTestId('feed-bulk-outcome').textContent())
      .toContain('Autores marcados como leads: 2 de 3.');
    const failures = page.getByTestId('feed-bulk-failures').locator('li');
    expect(await failures.count()).toBe(1);
    expect(await failures.first().textContent()).toContain('Url Author');
    expect(await failures.first().textContent()).toContain(esErrors.NOT_FOUND);
    await page.unroute('**/graphql');

    // Delete the view.
    await page.getByTestId('saved-view-delete').click();
    await page.getByTestId('confirm-yes').click();
    await expect.poll(() => page.getByTestId('saved-view-delete').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('saved-view-select').textContent())
      .not.toContain(renamed);
  });

  it('shows a viewer the feed without any action', async () => {
    const { world, api } = suite;
    await page.getByTestId('locale-switcher').selectOption('en');
    await page.evaluate(() =>
      (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear(),
    );
    await page.goto(`${api.url}/`);
    await page.getByTestId('signin-email').fill(world.users.aVIEWER.email);
    await page.getByTestId('signin-password').fill(PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('tenant-switcher').waitFor();
    await page.getByTestId('tenant-switcher').selectOption(world.tenants.a);
    await page.goto(feedUrl(`author=${author}`));
    await page.getByTestId('feed-item').first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('mention-assign').count()).toBe(0);
    expect(await page.getByTestId('feed-item-check').count()).toBe(0);
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    expect(await page.getByTestId('feed-bulk').count()).toBe(0);
  });
});
