import { connectorInputSchema } from '@socialcrm/validation';
import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../../lib/schema-form.js';
import type { Connector } from './connector.documents.js';
import {
  connectorFieldOf,
  connectorFormOf,
  emptyConnectorForm,
  toCreateInput,
  toUpdateInput,
} from './connector-form.js';

/** What the api's schema says of the form, as form field → reason. */
function reasons(form: ReturnType<typeof emptyConnectorForm>, creating = true) {
  const input = creating ? toCreateInput(form) : { ...toUpdateInput(form), kind: form.kind };
  return Object.fromEntries(
    schemaProblems(connectorInputSchema(creating), input).map((problem) => [
      connectorFieldOf(form.kind, problem.path) ?? problem.field,
      problem.reason,
    ]),
  );
}

describe('connector form', () => {
  it('needs a name and an http(s) feed for RSS, with a poll interval in range', () => {
    const form = { ...emptyConnectorForm('RSS'), feedUrl: 'ftp://x', pollIntervalSeconds: '30' };
    expect(reasons(form)).toEqual({
      name: 'REQUIRED',
      feedUrl: 'HTTP_URL',
      pollIntervalSeconds: 'OUT_OF_RANGE',
    });
    expect(reasons({ ...form, pollIntervalSeconds: '' })).toMatchObject({
      pollIntervalSeconds: 'OUT_OF_RANGE',
    });
    const valid = {
      ...form,
      name: 'Blog',
      feedUrl: 'https://blog.example/feed',
      pollIntervalSeconds: '900',
    };
    expect(reasons(valid)).toEqual({});
    expect(toCreateInput(valid)).toEqual({
      kind: 'RSS',
      name: 'Blog',
      settings: { feedUrl: 'https://blog.example/feed', pollIntervalSeconds: 900, channel: 'BLOG' },
    });
  });

  it('needs a Mastodon server, and a hashtag for a hashtag stream; the token is optional', () => {
    const form = {
      ...emptyConnectorForm('MASTODON'),
      name: 'Masto',
      baseUrl: 'https://mastodon.social',
    };
    expect(reasons(form)).toEqual({ hashtag: 'REQUIRED' });
    expect(reasons({ ...form, hashtag: 'bad tag' })).toEqual({ hashtag: 'HASHTAG_FORMAT' });
    expect(reasons({ ...form, stream: 'PUBLIC' })).toEqual({});
    expect(reasons({ ...form, hashtag: '#café', secret: 'short' })).toEqual({
      secret: 'TOO_SHORT',
    });
    expect(toCreateInput({ ...form, hashtag: '#cafe', secret: ' token-123456 ' })).toEqual({
      kind: 'MASTODON',
      name: 'Masto',
      settings: { baseUrl: 'https://mastodon.social', stream: 'HASHTAG', hashtag: 'cafe' },
      secret: 'token-123456',
    });
  });

  it('needs a Meta app secret when creating, and keeps the stored one when editing', () => {
    const form = {
      ...emptyConnectorForm('META_WEBHOOK'),
      name: 'Page',
      metaChannel: 'INSTAGRAM' as const,
    };
    expect(reasons(form, true)).toEqual({ secret: 'REQUIRED' });
    expect(reasons(form, false)).toEqual({});
    expect(toUpdateInput(form)).toEqual({ name: 'Page', settings: { channel: 'INSTAGRAM' } });
    expect(reasons({ ...form, secret: 'app-secret-1', name: '🙂'.repeat(120) })).toEqual({});
    expect(reasons({ ...form, secret: 'app-secret-1', name: '🙂'.repeat(121) })).toEqual({
      name: 'TOO_LONG',
    });
  });

  it('fills the form of an existing connector, secrets blank', () => {
    const connector = {
      id: 'c1',
      kind: 'MASTODON',
      name: 'Masto',
      status: 'ACTIVE',
      hasSecret: true,
      settings: {
        channel: 'MASTODON',
        feedUrl: null,
        pollIntervalSeconds: null,
        baseUrl: 'https://m.example',
        stream: 'HASHTAG',
        hashtag: 'aurora',
      },
    } as Connector;
    const form = connectorFormOf(connector);
    expect(form).toMatchObject({
      kind: 'MASTODON',
      name: 'Masto',
      baseUrl: 'https://m.example',
      hashtag: 'aurora',
      secret: '',
    });
    expect(toUpdateInput({ ...form, clearSecret: true })).toMatchObject({ clearSecret: true });
  });
});
