import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  callerOf,
  connectorById,
  createConnector,
  mentionsOn,
  type SignedIn,
} from '../support/connectors.js';
import {
  deliver,
  instagramCommentDelivery,
  pageCommentDelivery,
} from '../support/fixtures/meta-sender.js';
import { jsonLines } from '../support/log-lines.js';
import { useSuite } from '../support/suite.js';

const APP_SECRET = 'meta-app-secret-for-tests';

describe('connectors: Meta webhooks', () => {
  const suite = useSuite();
  let managerA: SignedIn;
  let viewerA: SignedIn;
  let ownerB: SignedIn;
  let facebook: { id: string; webhookUrl: string; verifyToken: string };

  const callback = (path: string) => `${suite.api.url}${path}`;
  const commentId = () => `${Date.now()}_${Math.floor(Math.random() * 1e9)}`;

  beforeAll(async () => {
    managerA = await callerOf(suite, 'aMANAGER', 'a');
    viewerA = await callerOf(suite, 'aVIEWER', 'a');
    ownerB = await callerOf(suite, 'bOwner', 'b');
    const created = await createConnector(suite, managerA, {
      kind: 'META_WEBHOOK',
      settings: { channel: 'FACEBOOK' },
      secret: APP_SECRET,
    });
    facebook = {
      id: created.connector.id,
      webhookUrl: created.connector.webhookUrl ?? '',
      verifyToken: created.verifyToken ?? '',
    };
  });

  it('answers the subscription challenge with the right verify token only', async () => {
    const verify = (token: string) =>
      fetch(
        `${callback(facebook.webhookUrl)}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`,
      );
    const ok = await verify(facebook.verifyToken);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    expect((await verify('wrong-token')).status).toBe(403);
  });

  it('ingests a signed Page comment into the connector’s tenant and records the success', async () => {
    const id = commentId();
    const response = await deliver(
      callback(facebook.webhookUrl),
      pageCommentDelivery({ id, message: 'Brand A made my morning' }),
      { secret: APP_SECRET },
    );
    expect(response.status).toBe(200);
    const mentions = await mentionsOn(suite, viewerA, 'FACEBOOK');
    expect(mentions).toContainEqual(
      expect.objectContaining({
        externalId: id,
        text: 'Brand A made my morning',
        author: { handle: '24242424242' },
      }),
    );
    const connector = await connectorById(suite, viewerA, facebook.id);
    expect(connector).toMatchObject({ status: 'ACTIVE', hasSecret: true });
    expect(connector?.lastSuccessAt).not.toBeNull();
  });

  it('stores a delivery whose comment holds a NUL character, cleaned, instead of failing it', async () => {
    const id = commentId();
    const response = await deliver(
      callback(facebook.webhookUrl),
      pageCommentDelivery({ id, message: 'Brand A\u0000 with a NUL' }),
      { secret: APP_SECRET },
    );
    expect(response.status).toBe(200);
    expect(await mentionsOn(suite, viewerA, 'FACEBOOK')).toContainEqual(
      expect.objectContaining({ externalId: id, text: 'Brand A with a NUL' }),
    );
  });

  it('tells a delivery over the size limit what the limit is', async () => {
    const response = await deliver(
      callback(facebook.webhookUrl),
      pageCommentDelivery({ id: commentId(), message: `Brand A ${'x'.repeat(1_100_000)}` }),
      { secret: APP_SECRET },
    );
    expect(response.status).toBe(413);
    expect(JSON.stringify(await response.json())).toContain('exceeds 1 MB');
  });

  it('refuses unsigned and mis-signed deliveries and stores nothing', async () => {
    const unsigned = commentId();
    const misSigned = commentId();
    const wrongKey = commentId();
    expect(
      (
        await deliver(
          callback(facebook.webhookUrl),
          pageCommentDelivery({ id: unsigned, message: 'Brand A unsigned' }),
          null,
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await deliver(
          callback(facebook.webhookUrl),
          pageCommentDelivery({ id: misSigned, message: 'Brand A forged' }),
          { header: `sha256=${'0'.repeat(64)}` },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await deliver(
          callback(facebook.webhookUrl),
          pageCommentDelivery({ id: wrongKey, message: 'Brand A other key' }),
          { secret: 'not-the-app-secret' },
        )
      ).status,
    ).toBe(403);
    const stored = (await mentionsOn(suite, viewerA, 'FACEBOOK')).map((m) => m.externalId);
    expect(stored).not.toContain(unsigned);
    expect(stored).not.toContain(misSigned);
    expect(stored).not.toContain(wrongKey);
    // The log is written asynchronously: its lines may land a moment after the answers.
    const refusals = () =>
      jsonLines(suite.api.output()).filter((line) => line.msg === 'refused a Meta delivery');
    await expect
      .poll(() => refusals().map((line) => line.reason))
      .toEqual(expect.arrayContaining(['unsigned', 'bad signature']));
    expect(refusals().every((line) => typeof line.requestId === 'string')).toBe(true);
  });

  it('stores a re-delivered (or replayed) delivery once, and takes an edit', async () => {
    const id = commentId();
    const payload = pageCommentDelivery({ id, message: 'Brand A, first words' });
    for (let attempt = 0; attempt < 3; attempt += 1)
      expect(
        (await deliver(callback(facebook.webhookUrl), payload, { secret: APP_SECRET })).status,
      ).toBe(200);
    const edited = pageCommentDelivery({ id, message: 'Brand A, second thoughts', verb: 'edited' });
    expect(
      (await deliver(callback(facebook.webhookUrl), edited, { secret: APP_SECRET })).status,
    ).toBe(200);
    const same = (await mentionsOn(suite, viewerA, 'FACEBOOK')).filter((m) => m.externalId === id);
    expect(same).toEqual([expect.objectContaining({ text: 'Brand A, second thoughts' })]);
    // Replaying the older body must not revert the edit: its digest was seen.
    expect(
      (await deliver(callback(facebook.webhookUrl), payload, { secret: APP_SECRET })).status,
    ).toBe(200);
    const after = (await mentionsOn(suite, viewerA, 'FACEBOOK')).filter((m) => m.externalId === id);
    expect(after).toEqual([expect.objectContaining({ text: 'Brand A, second thoughts' })]);
  });

  it('maps Instagram comments on an Instagram connector', async () => {
    const created = await createConnector(suite, managerA, {
      kind: 'META_WEBHOOK',
      settings: { channel: 'INSTAGRAM' },
      secret: APP_SECRET,
    });
    const id = `1786${Date.now()}`;
    const response = await deliver(
      callback(created.connector.webhookUrl ?? ''),
      instagramCommentDelivery({ id, text: 'Is Brand A vegan?', username: 'coffee.lover' }),
      { secret: APP_SECRET },
    );
    expect(response.status).toBe(200);
    expect(await mentionsOn(suite, viewerA, 'INSTAGRAM')).toContainEqual(
      expect.objectContaining({ externalId: id, author: { handle: 'coffee.lover' } }),
    );
  });

  it('never lands tenant A’s connector deliveries in tenant B, whatever the path says', async () => {
    const id = commentId();
    const payload = pageCommentDelivery({ id, message: 'Brand B and Brand A together' });
    const body = JSON.stringify(payload);
    const signature = `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
    const forged = await fetch(callback(`/webhooks/meta/${suite.world.tenants.b}/${facebook.id}`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      body,
    });
    expect(forged.status).toBe(404);
    const challenge = await fetch(
      callback(
        `/webhooks/meta/${suite.world.tenants.b}/${facebook.id}?hub.mode=subscribe&hub.verify_token=${facebook.verifyToken}&hub.challenge=42`,
      ),
    );
    expect(challenge.status).toBe(403);
    expect((await mentionsOn(suite, ownerB, 'FACEBOOK')).map((m) => m.externalId)).not.toContain(
      id,
    );
    // Positive control: the right path stores it in tenant A.
    expect(
      (await deliver(callback(facebook.webhookUrl), payload, { secret: APP_SECRET })).status,
    ).toBe(200);
    expect((await mentionsOn(suite, viewerA, 'FACEBOOK')).map((m) => m.externalId)).toContain(id);
    expect((await mentionsOn(suite, ownerB, 'FACEBOOK')).map((m) => m.externalId)).not.toContain(
      id,
    );
  });
});
