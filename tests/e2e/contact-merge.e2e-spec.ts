import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, useBrowserPage } from '../support/browser.js';
import { browseAs, createContact, tenantACaller } from '../support/customer-e2e.js';
import { type Caller, errorCodes, gql } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';

describe('duplicate review and merge in Chromium', () => {
  const suite = useSuite();
  const browser = useBrowserPage();
  const ids = { pablo: '', pabloAgain: '', rosa: '', rosaAgain: '' };
  let agent: Caller;

  const suggestionOf = (contactId: string) =>
    browser.page
      .getByTestId('duplicate-suggestion')
      .filter({ has: browser.page.locator(`[data-contact-id="${contactId}"]`) });

  beforeAll(async () => {
    agent = await tenantACaller(suite, 'AGENT');
    ids.pablo = await createContact(suite, agent, {
      displayName: 'Pablo Ortega',
      emails: ['pablo@example.com'],
    });
    ids.pabloAgain = await createContact(suite, agent, {
      displayName: 'P. Ortega',
      emails: ['pablo@example.com', 'p.ortega@example.com'],
      city: 'Valencia',
    });
    const note = await gql(
      suite.api.graphqlUrl,
      'mutation ($id: ID!) { addNote(contactId: $id, body: "Llamó por el pedido") { id } }',
      { id: ids.pabloAgain },
      agent,
    );
    expect(note.errors).toBeUndefined();
    ids.rosa = await createContact(suite, agent, {
      displayName: 'Rosa Vidal',
      phones: ['+34600123456'],
    });
    ids.rosaAgain = await createContact(suite, agent, {
      displayName: 'Rosa V.',
      phones: ['+34600123456'],
    });
  });

  it('shows a viewer the suggestions with their reasons, and no way to merge or dismiss', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'VIEWER');
    await page.getByTestId('nav-duplicates').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Duplicados');
    await page.getByTestId('duplicates-read-only').waitFor();
    const pablo = suggestionOf(ids.pablo);
    await pablo.waitFor();
    expect(await pablo.getByTestId('duplicate-reason').getAttribute('data-reason')).toBe(
      'SAME_EMAIL',
    );
    expect(await pablo.getByTestId('duplicate-reason').textContent()).toContain('Mismo correo');
    expect(await page.getByTestId('duplicate-preview').count()).toBe(0);
    expect(await page.getByTestId('duplicate-merge').count()).toBe(0);
    expect(await page.getByTestId('duplicate-dismiss').count()).toBe(0);
    expect(await page.getByTestId('duplicate-survivor').count()).toBe(0);
  }, 60_000);

  it('merges two duplicates after showing what the result keeps and what moves, and dismisses another pair', async () => {
    const { page } = browser;
    await browseAs(page, suite, 'AGENT');
    await page.goto(`${suite.api.url}/contacts/duplicates`);
    const pablo = suggestionOf(ids.pablo);
    await pablo.waitFor();
    // The older contact is kept unless another is picked.
    expect(
      await pablo
        .locator(`[data-contact-id="${ids.pablo}"]`)
        .getByTestId('duplicate-survivor')
        .isChecked(),
    ).toBe(true);
    expect(await pablo.getByTestId('duplicate-merge').count()).toBe(0);
    await pablo.getByTestId('duplicate-preview').click();
    const preview = pablo.getByTestId('merge-preview');
    await preview.waitFor();
    const field = (name: string) =>
      preview.locator(`[data-testid="merge-preview-field"][data-field="${name}"]`);
    expect(await field('displayName').textContent()).toContain('Pablo Ortega');
    expect(await field('emails').textContent()).toContain(
      'pablo@example.com, p.ortega@example.com',
    );
    expect(await field('city').getAttribute('data-changed')).toBe('true');
    const moved = (kind: string) =>
      preview
        .locator(`[data-testid="merge-preview-count"][data-kind="${kind}"]`)
        .getAttribute('data-count');
    expect(Number(await moved('timelineEntries'))).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: `${ARTIFACTS_DIR}merge-preview.png`, fullPage: true });

    await pablo.getByTestId('duplicate-merge').click();
    await page.getByTestId('merge-done').waitFor();
    await expect.poll(() => suggestionOf(ids.pablo).count()).toBe(0);
    await expect.poll(() => page.getByTestId('merge-history-row').count()).toBe(1);

    // The merged contact is gone; the kept one has both addresses and the note.
    const gone = await gql(
      suite.api.graphqlUrl,
      'query ($id: ID!) { contact(id: $id) { id } }',
      { id: ids.pabloAgain },
      agent,
    );
    expect(errorCodes(gone)).toEqual(['NOT_FOUND']);
    const kept = await gql<{ contact: { emails: string[]; city: string | null } }>(
      suite.api.graphqlUrl,
      'query ($id: ID!) { contact(id: $id) { emails city } }',
      { id: ids.pablo },
      agent,
    );
    expect(kept.data?.contact).toEqual({
      emails: ['pablo@example.com', 'p.ortega@example.com'],
      city: 'Valencia',
    });

    // Not the same person: the pair is not suggested again.
    const rosa = suggestionOf(ids.rosa);
    expect(await rosa.getByTestId('duplicate-reason').getAttribute('data-reason')).toBe(
      'SAME_PHONE',
    );
    await rosa.getByTestId('duplicate-dismiss').click();
    await page.getByTestId('dismiss-done').waitFor();
    await expect.poll(() => suggestionOf(ids.rosa).count()).toBe(0);
    await page.reload();
    await page.getByTestId('merge-history-row').first().waitFor();
    expect(await suggestionOf(ids.rosa).count()).toBe(0);
  }, 90_000);
});
