import { describe, expect, it } from 'vitest';
import type { Connector } from './connector.documents.js';
import {
  connectorFormOf,
  emptyConnectorForm,
  toCreateInput,
  toUpdateInput,
  validateConnectorForm,
} from './connector-validation.js';

describe('connector form', () => {
  it('needs a name and an http(s) feed for RSS, with a poll interval in range', () => {
    const form = { ...emptyConnectorForm('RSS'), feedUrl: 'ftp://x', pollIntervalSeconds: '30' };
    expect(validateConnectorForm(form, true)).toEqual({
      name: { key: 'required' },
      feedUrl: { key: 'url' },
      pollIntervalSeconds: { key: 'interval', params: { min: 60, max: 86_400 } },
    });
    const valid = {
      ...form,
      name: 'Blog',
      feedUrl: 'https://blog.example/feed',
      pollIntervalSeconds: '900',
    };
    expect(validateConnectorForm(valid, true)).toEqual({});
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
    expect(validateConnectorForm(form, true)).toEqual({ hashtag: { key: 'required' } });
    expect(validateConnectorForm({ ...form, hashtag: 'bad tag' }, true)).toEqual({
      hashtag: { key: 'hashtag' },
    });
    expect(validateConnectorForm({ ...form, stream: 'PUBLIC' }, true)).toEqual({});
    expect(validateConnectorForm({ ...form, hashtag: '#café', secret: 'short' }, true)).toEqual({
      secret: { key: 'secretLength', params: { min: 8, max: 500 } },
    });
    expect(toCreateInput({ ...form, hashtag: '#cafe', secret: ' token-123456 ' })).toEqual({
      kind: 'MASTODON',
      name: 'Masto',
      settings: { baseUrl: 'https://mastodon.social', stream: 'HASHTAG', hashtag: 'cafe' },
      secret: 'token-123456',
    });
  });

  it('counts the name in characters as the api does: 120 emoji fit, 121 do not', () => {
    const form = { ...emptyConnectorForm('META_WEBHOOK'), secret: 'app-secret-1' };
    expect(validateConnectorForm({ ...form, name: '🙂'.repeat(120) }, true).name).toBeUndefined();
    expect(validateConnectorForm({ ...form, name: '🙂'.repeat(121) }, true).name).toEqual({
      key: 'tooLong',
      params: { max: 120 },
    });
  });

  it('needs the Meta app secret to create, not to edit', () => {
    const form = {
      ...emptyConnectorForm('META_WEBHOOK'),
      name: 'Page',
      metaChannel: 'INSTAGRAM' as const,
    };
    expect(validateConnectorForm(form, true)).toEqual({ secret: { key: 'required' } });
    expect(validateConnectorForm(form, false)).toEqual({});
    expect(toUpdateInput(form)).toEqual({ name: 'Page', settings: { channel: 'INSTAGRAM' } });
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
