import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserPage } from '../support/browser.js';
import { settled, writeActivity } from '../support/customer-activity.js';
import { browseAs, tenantACaller } from '../support/customer-e2e.js';
import { insertContacts } from '../support/customer-records.js';
import { gql } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';

describe('the RFM grid in Chromium', () => {
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '1' });
  const browser = useBrowserPage({ width: 1280, height: 900 });
  let loyal = '';

  beforeAll(async () => {
    const agent = await tenantACaller(suite, 'AGENT');
    // Five customers, each best at something: the loyal one buys most often and most recently.
    const [ana, bea, carla, dora, eva] = await insertContacts(
      suite.databaseUrl,
      suite.world.tenants.a,
      ['Ana Loyal', 'Bea Once', 'Carla Lapsed', 'Dora Twice', 'Eva Big'],
    );
    loyal = ana as string;
    const order = (contactId: string | undefined, daysAgo: number, amount: number) => ({
      contactId: contactId as string,
      daysAgo,
      amount,
    });
    await writeActivity(
      suite.databaseUrl,
      suite.world.tenants.a,
      Date.now(),
      [
        order(ana, 1, 40),
        order(ana, 10, 40),
        order(ana, 20, 40),
        order(ana, 30, 40),
        order(bea, 5, 20),
        order(carla, 300, 30),
        order(dora, 60, 25),
        order(dora, 90, 25),
        order(eva, 150, 900),
      ],
      // Engagement: Bea opened and clicked lately (R4 F4 of two), Carla opened long ago.
      [
        { contactId: bea as string, daysAgo: 2, kind: 'OPENED' },
        { contactId: bea as string, daysAgo: 1, kind: 'CLICKED' },
        { contactId: carla as string, daysAgo: 40, kind: 'OPENED' },
      ],
    );
    await settled(suite, agent);
    expect(
      (await gql(suite.api.graphqlUrl, 'mutation { recomputeRfm { purchasesScored } }', {}, agent))
        .errors,
    ).toBeUndefined();
  }, 60_000);

  it('lets an owner read the grid, open a cell’s contacts and recompute, in Spanish and Russian', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'OWNER');
    await page.getByTestId('nav-rfm').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('RFM');
    await expect
      .poll(() => page.getByTestId('rfm-scored-at').textContent())
      .toContain('5 contactos');
    // Ana: the most recent (R5) and the most frequent (F5).
    await expect.poll(() => page.getByTestId('rfm-cell-5-5').textContent()).toContain('R5 F5: 1 ·');
    expect(await page.getByTestId('rfm-pareto-summary').textContent()).toContain('80 %');
    await page.getByTestId('rfm-recompute').click();
    await expect.poll(() => page.getByTestId('rfm-recompute').isEnabled()).toBe(true);

    await page.getByTestId('locale-switcher').selectOption('ru');
    await expect
      .poll(() => page.locator('.rfm .card__title').first().textContent())
      .toBe('Давность × частота');
    // Click the heat map's top-right cell (recency 5, frequency 5) on the canvas; the grid's
    // margins are RfmHeatMap.vue's: left 72, right 16, top 12, bottom 84.
    const box = await page.getByTestId('rfm-grid').locator('canvas').first().boundingBox();
    if (!box) throw new Error('the heat map is not drawn');
    const cell = { width: (box.width - 88) / 5, height: (box.height - 96) / 5 };
    await page.mouse.click(box.x + 72 + 4.5 * cell.width, box.y + 12 + 0.5 * cell.height);
    await page.waitForURL(/\/contacts\?rfm=5%3A5|\/contacts\?rfm=5:5/);
    await expect
      .poll(() => page.getByTestId('contact-filter-rfm').textContent())
      .toContain('Ячейка RFM: давность 5, частота 5');
    await expect
      .poll(() => page.getByTestId('contact-name').allTextContents())
      .toEqual(['Ana Loyal']);
    await page.getByTestId('contact-name').click();
    await expect
      .poll(() => page.getByTestId('contact-scores-purchases').textContent())
      .toContain('R5 F5');
    expect(page.url()).toContain(loyal);
    await page.getByTestId('locale-switcher').selectOption('es');
  }, 90_000);

  it('shows a viewer the grid without the recompute button', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'VIEWER');
    await page.getByTestId('nav-rfm').click();
    await expect.poll(() => page.getByTestId('rfm-grid').isVisible()).toBe(true);
    expect(await page.getByTestId('rfm-recompute').count()).toBe(0);
    await page.getByTestId('rfm-basis').getByText('Interacción').click();
    await expect
      .poll(() => page.getByTestId('rfm-scored-at').textContent())
      .toContain('2 contactos');
    // The cells are links for the keyboard too: tab onto Bea's and follow it.
    await page.getByTestId('rfm-cell-4-4').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/contacts\?rfm=engagement(%3A|:)4(%3A|:)4/);
    await expect
      .poll(() => page.getByTestId('contact-filter-rfm').textContent())
      .toContain('Celda RFM de interacción: recencia 4, frecuencia 4');
    await expect
      .poll(() => page.getByTestId('contact-name').allTextContents())
      .toEqual(['Bea Once']);
  }, 60_000);
});
