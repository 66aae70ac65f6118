import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, signInAs, useBrowserPage } from '../support/browser.js';
import { signIn } from '../support/graphql-client.js';
import { type ListedMention, listMentions, netSentimentOf } from '../support/mention-tallies.js';
import { ingest, post } from '../support/mentions.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

type Messages = { [key: string]: string | Messages };
const LOCALES_DIR = new URL('../../apps/admin/src/locales/', import.meta.url);
function message(code: string, path: string): string {
  let node: string | Messages = JSON.parse(
    readFileSync(new URL(`${code}.json`, LOCALES_DIR), 'utf8'),
  );
  for (const key of path.split('.')) node = (node as Messages)[key] as string | Messages;
  if (typeof node !== 'string') throw new Error(`no message ${path} in ${code}`);
  return node;
}

const DAY = 24 * 3600 * 1000;
const TODAY = Math.floor(Date.now() / DAY) * DAY;
/** The custom range: the 7 whole UTC days before today; the previous period, the 7 before it. */
const FROM = TODAY - 7 * DAY;
const TO = TODAY; // exclusive: the picker's last day is TODAY − 1 day
const PREVIOUS_FROM = FROM - 7 * DAY;
const BUSY_DAY = TODAY - 3 * DAY;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const at = (ms: number, hours: number) => new Date(ms + hours * 3600 * 1000).toISOString();
/** RFC 4180 lines: quoted cells may hold commas ("Mar 3, 2026"). */
const csvRows = (text: string) =>
  text
    .split('\r\n')
    .map((line) =>
      [...line.matchAll(/"((?:[^"]|"")*)"|([^,]*)/g)]
        .filter((m) => m.index === 0 || line[m.index - 1] === ',')
        .map((m) => m[1]?.replaceAll('""', '"') ?? m[2] ?? ''),
    );
const flat = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** A signed figure as the user's locale writes it ("+2", "+100 %", "−0,50"). */
const signed = (code: string, value: number, options: Intl.NumberFormatOptions = {}) =>
  flat(new Intl.NumberFormat(code, { ...options, signDisplay: 'exceptZero' }).format(value));

describe('listening dashboard in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage({ width: 1280, height: 900 });
  let current: ListedMention[] = [];
  let previous: ListedMention[] = [];

  beforeAll(async () => {
    const { api, world } = suite;
    const agent = await signIn(api.graphqlUrl, world.users.aAGENT.email, PASSWORD);
    const caller = { token: agent.accessToken, tenantId: world.tenants.a };
    await ingest(api.graphqlUrl, caller, [
      // This period: three on the busy day, one early in the week.
      post({ text: 'Brand A is wonderful, I love it', publishedAt: at(BUSY_DAY, 9) }),
      post({ text: 'Brand A is terrible, I hate it', publishedAt: at(BUSY_DAY, 11) }),
      post({ text: 'Brand A opens on Sunday?', publishedAt: at(BUSY_DAY, 15) }),
      post({ text: 'Brand A es maravilloso, me encanta el café', publishedAt: at(FROM + DAY, 10) }),
      // The previous period.
      post({
        text: 'Brand A is wonderful, I love it #coffee',
        publishedAt: at(PREVIOUS_FROM + 2 * DAY, 10),
      }),
      post({
        text: 'Brand A was awful today, terrible service',
        publishedAt: at(PREVIOUS_FROM + 3 * DAY, 10),
      }),
      // Today: outside the chosen range.
      post({ text: 'Brand A right now', publishedAt: new Date().toISOString() }),
    ]);
    // What the api decided about each post (sentiment), read independently of the dashboard.
    current = await listMentions(api.graphqlUrl, caller, FROM, TO);
    previous = await listMentions(api.graphqlUrl, caller, PREVIOUS_FROM, FROM);
    expect(current).toHaveLength(4);
    expect(previous).toHaveLength(2);
  });

  /** Picks [first, last] (UTC days, both included) in the range date picker. */
  async function pickRange(page: Page, code: string, first: number, last: number) {
    await page.locator('#dashboard-dates').click();
    const panel = page.locator('.p-datepicker-panel');
    await panel.waitFor();
    for (const day of [first, last]) {
      const date = new Date(day);
      const month = new Intl.DateTimeFormat(code, { month: 'long', timeZone: 'UTC' }).format(date);
      const calendar = panel
        .locator('.p-datepicker-calendar')
        .filter({ hasText: new RegExp(`${month}[\\s\\S]*${date.getUTCFullYear()}`, 'i') });
      await calendar
        .locator('td:not(.p-datepicker-other-month) .p-datepicker-day')
        .getByText(String(date.getUTCDate()), { exact: true })
        .click();
    }
    await page.keyboard.press('Escape');
  }

  async function kpi(page: Page, key: string) {
    const tile = page.getByTestId(`kpi-${key}`);
    return {
      value: flat(await tile.getByTestId('kpi-value').textContent()),
      absolute: flat(await tile.getByTestId('kpi-delta-absolute').textContent()),
      relative: flat(await tile.getByTestId('kpi-delta-relative').textContent()),
    };
  }

  /**
   * Clicks the volume chart's bar of bucket `index` (of `count`), which must be the tallest:
   * the canvas has no DOM per bar, so aim at the middle of its category band, halfway up the
   * plot (only the tallest bar reaches there), until the page leaves for the feed.
   */
  async function clickVolumeBar(page: Page, index: number, count: number) {
    const canvas = page.getByTestId('chart-volume').locator('.chart__canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no volume chart');
    // The grid: about 8 px and the value labels on the left, 16 px on the right.
    const left = 32;
    const band = (box.width - left - 16) / count;
    for (const offset of [0, -0.15, 0.15, -0.3, 0.3]) {
      await canvas.click({
        position: { x: left + band * (index + 0.5 + offset), y: box.height * 0.55 },
      });
      // The feed's code loads before the URL changes: give it time.
      const onFeed = await page
        .waitForURL(/\/listening\/feed/, { timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (onFeed) return;
    }
  }

  for (const code of ['es', 'en'] as const) {
    it(`filters a custom range and compares it with the previous period, in ${code}`, async () => {
      const { page } = browser;
      const { api, world } = suite;
      // A fresh start even when the other language's run stopped half-way.
      await page.goto(`${api.url}/`);
      await page.evaluate('localStorage.clear()');
      await signInAs(page, api.url, world.users.aVIEWER.email, PASSWORD);
      await page.getByTestId('locale-switcher').selectOption(code);
      await page.getByTestId('nav-listening').click();
      await page.getByTestId('kpi-mentions').getByTestId('kpi-value').waitFor();
      expect(await page.title()).toBe(`${message(code, 'listening.dashboard.title')} — Social CRM`);

      await pickRange(page, code, FROM, TO - DAY);
      await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe(isoDay(TO - DAY));
      expect(new URL(page.url()).searchParams.get('from')).toBe(isoDay(FROM));

      // Deltas, computed here from what was ingested.
      const count = (list: ListedMention[], sentiment: string) =>
        list.filter((m) => m.sentiment === sentiment).length;
      const netOf = (list: ListedMention[]) =>
        netSentimentOf({ positive: count(list, 'POSITIVE'), negative: count(list, 'NEGATIVE') });
      const mentionsDelta = current.length - previous.length;
      const checkDeltas = async () => {
        await expect
          .poll(async () => (await kpi(page, 'mentions')).value)
          .toBe(String(current.length));
        expect(await kpi(page, 'mentions')).toEqual({
          value: String(current.length),
          absolute: signed(code, mentionsDelta),
          relative: `(${signed(code, mentionsDelta / previous.length, { style: 'percent', maximumFractionDigits: 1 })})`,
        });
        const net = netOf(current);
        const before = netOf(previous);
        if (net !== null && before !== null) {
          const change = await kpi(page, 'netSentiment');
          expect(change.absolute).toBe(
            signed(code, net - before, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
          );
          expect(change.relative).toBe(
            before === 0
              ? '(—)'
              : `(${signed(code, (net - before) / Math.abs(before), { style: 'percent', maximumFractionDigits: 1 })})`,
          );
        }
        expect(await page.getByTestId('kpi-ownShare').getByTestId('kpi-delta').count()).toBe(1);
      };
      await checkDeltas();

      // A reload (or a shared link) keeps the range.
      await page.reload();
      await checkDeltas();

      // Export the volume as CSV: one row per day of the range, the day's mentions.
      const volume = page.getByTestId('chart-volume');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        volume.getByTestId('chart-export-csv').click(),
      ]);
      expect(download.suggestedFilename()).toBe('mention-volume.csv');
      const csv = readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '');
      const [header, ...rows] = csvRows(csv);
      expect(header?.slice(0, 2)).toEqual([
        message(code, 'listening.dashboard.date'),
        message(code, 'listening.dashboard.mentions'),
      ]);
      const dayFormat = new Intl.DateTimeFormat(code, { dateStyle: 'medium', timeZone: 'UTC' });
      const perDay = Array.from({ length: 7 }, (_, i) => {
        const day = FROM + i * DAY;
        const mentions = current.filter(
          (m) => Math.floor(Date.parse(m.publishedAt) / DAY) * DAY === day,
        );
        return [dayFormat.format(day), String(mentions.length)];
      });
      expect(rows.map((row) => row.slice(0, 2))).toEqual(perDay);
      // …and, beside each day, the same day of the previous period (the ghost series).
      const previousPerDay = Array.from({ length: 7 }, (_, i) => {
        const day = PREVIOUS_FROM + i * DAY;
        const mentions = previous.filter(
          (m) => Math.floor(Date.parse(m.publishedAt) / DAY) * DAY === day,
        );
        return [dayFormat.format(day), String(mentions.length)];
      });
      expect(rows.map((row) => row.slice(4, 6))).toEqual(previousPerDay);

      // A click on the busy day's bar opens the feed filtered to exactly that day.
      const busyIndex = (BUSY_DAY - FROM) / DAY;
      await clickVolumeBar(page, busyIndex, 7);
      await page.waitForURL(/\/listening\/feed\?/);
      const params = new URL(page.url()).searchParams;
      expect(params.get('from')).toBe(new Date(BUSY_DAY).toISOString());
      expect(params.get('to')).toBe(new Date(BUSY_DAY + DAY).toISOString());
      expect([...params.keys()].sort()).toEqual(['from', 'to']);
      // The feed page filters by these parameters once its engineer has wired them: then it
      // lists exactly the busy day's mentions.
      const onBusyDay = current.filter(
        (m) => Date.parse(m.publishedAt) >= BUSY_DAY && Date.parse(m.publishedAt) < BUSY_DAY + DAY,
      );
      await page
        .getByTestId('feed-item')
        .first()
        .waitFor({ timeout: 10_000 })
        .catch(() => undefined);
      const items = await page.getByTestId('feed-item').allTextContents();
      if (items.length === onBusyDay.length) {
        for (const mention of onBusyDay) expect(items.join('\n')).toContain(mention.text);
      } else {
        console.warn(
          `feed shows ${items.length} mentions, not yet the ${onBusyDay.length} of the filter`,
        );
      }

      // A period without mentions says how to get some.
      await page.goto(`${api.url}/listening?from=2020-01-01&to=2020-01-07`);
      await page.getByTestId('dashboard-empty').waitFor();
      expect(await page.getByTestId('dashboard-empty').locator('a').count()).toBe(2);
      // A shared link opens the same view.
      await page.goto(`${api.url}/listening?from=${isoDay(FROM)}&to=${isoDay(TO - DAY)}`);
      await expect
        .poll(async () => (await kpi(page, 'mentions')).absolute)
        .toBe(signed(code, mentionsDelta));
      await page.getByTestId('chart-volume').locator('.chart__canvas').waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `${ARTIFACTS_DIR}dashboard-${code}.png`, fullPage: true });

      if (code === 'en') {
        await page.screenshot({ path: `${ARTIFACTS_DIR}dashboard-light.png`, fullPage: true });
        await page.getByTestId('color-scheme-toggle').click();
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${ARTIFACTS_DIR}dashboard-dark.png`, fullPage: true });
        await page.getByTestId('color-scheme-toggle').click();
      }
      await page.getByTestId('signout').click();
      await page.getByTestId('signin-email').waitFor();
    }, 120_000);
  }
});
