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

  it('invites a new person with a link shown once, and says in Russian that a member is already one', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await page.goto(`${api.url}/members`);
    const email = page.getByTestId('invite-email');
    const form = page.locator('form').filter({ has: email });
    // Checked in the browser first: nothing is sent for a malformed address.
    await email.fill('not-an-address');
    await page.getByTestId('invite-submit').click();
    await expect
      .poll(() => form.getByTestId('field-error').textContent())
      .toContain('Introduce un correo electrónico válido.');

    const newcomer = `newcomer-${Date.now()}@example.com`;
    await email.fill(newcomer);
    await page.getByTestId('invite-role').selectOption('AGENT');
    await page.getByTestId('invite-submit').click();
    await page.getByTestId('invite-created').waitFor();
    expect(await page.getByTestId('invite-link').inputValue()).toMatch(/accept-invitation\?token=/);
    await expect
      .poll(() => page.getByTestId('invitation-row').allTextContents())
      .toEqual(
        expect.arrayContaining([expect.stringMatching(new RegExp(`${newcomer}.*Agente`, 's'))]),
      );
    expect(await email.inputValue()).toBe('');

    // The api refuses a second invitation to a member; its field problem reads in Russian.
    await page.getByTestId('locale-switcher').selectOption('ru');
    await email.fill(world.users.aVIEWER.email);
    await page.getByTestId('invite-submit').click();
    await expect
      .poll(() => form.getByTestId('field-error').textContent())
      .toContain('Такое уже есть: выберите другое.');
    // The general alert gives the request's reference, to quote to support.
    expect(await form.getByTestId('error-reference').textContent()).toMatch(
      /^Номер обращения: [\w-]+$/,
    );
    await page.getByTestId('locale-switcher').selectOption('es');
  });

  it('tells the last owner, in Spanish, why she cannot demote herself', async () => {
    const { page } = browser;
    const { api, world } = suite;
    await page.goto(`${api.url}/members`);
    const own = page.getByTestId('member-row').filter({ hasText: world.users.aOWNER.email });
    await own.getByTestId('member-role').selectOption('VIEWER');
    await expect
      .poll(() => page.getByTestId('member-action-problem').textContent())
      .toBe(
        'Un espacio de trabajo necesita al menos un propietario: nombra antes propietaria a otra persona.',
      );
    // Nothing changed: she is still the owner.
    await page.reload();
    await expect
      .poll(() =>
        page
          .getByTestId('member-row')
          .filter({ hasText: world.users.aOWNER.email })
          .getByTestId('member-role')
          .inputValue(),
      )
      .toBe('OWNER');
  });
});
