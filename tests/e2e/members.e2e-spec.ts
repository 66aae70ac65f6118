import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInAs } from '../support/browser.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

describe('members page in Chromium', () => {
  const suite = useSuite();
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the agency staff who work in the tenant, and how', async () => {
    const { api, world } = suite;
    await signInAs(page, api.url, world.users.aOWNER.email, PASSWORD);
    await page.getByTestId('nav-members').click();
    const staff = page.getByTestId('agency-staff-row');
    await staff.first().waitFor();
    const rows = await staff.allTextContents();
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.stringContaining(world.users.northMember.email),
        expect.stringContaining(world.users.northAdmin.email),
      ]),
    );
    // Spanish by default: the agency member acts here as a manager.
    expect(rows.find((row) => row.includes(world.users.northMember.email))).toMatch(
      /Miembro.*Gestor/s,
    );
  });
});
