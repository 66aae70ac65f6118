import { describe, expect, it } from 'vitest';
import { signInAs, useBrowserPage } from '../support/browser.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

describe('members page in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage();

  it('shows the agency staff who work in the tenant, and how', async () => {
    const { page } = browser;
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
