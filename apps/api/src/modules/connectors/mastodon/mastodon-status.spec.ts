import { describe, expect, it } from 'vitest';
import { MentionChannel } from '../../contacts/index.js';
import { statusToMention } from './mastodon-status.js';

// The shape of Mastodon's documented Status entity (fields the mapping reads).
const STATUS = {
  id: '103704874086360371',
  uri: 'https://mastodon.example/users/ana/statuses/103704874086360371',
  url: 'https://mastodon.example/@ana/103704874086360371',
  created_at: '2020-02-27T19:11:07.000Z',
  content:
    '<p>Loving <a href="https://mastodon.example/tags/coffee" class="mention hashtag">#<span>coffee</span></a> from Brand A &amp; friends</p>',
  spoiler_text: '',
  reblog: null,
  replies_count: 2,
  reblogs_count: 5,
  favourites_count: 11,
  account: { id: '1', username: 'ana', acct: 'ana', display_name: 'Ana', followers_count: 300 },
};

describe(statusToMention.name, () => {
  it('maps a status: id, text without HTML, author with its server, counts', () => {
    expect(statusToMention(STATUS, 'mastodon.example')).toEqual({
      channel: MentionChannel.MASTODON,
      externalId: '103704874086360371',
      url: 'https://mastodon.example/@ana/103704874086360371',
      text: 'Loving #coffee from Brand A & friends',
      publishedAt: new Date('2020-02-27T19:11:07.000Z'),
      author: { handle: 'ana@mastodon.example', displayName: 'Ana', followers: 300 },
      metrics: { replies: 2, shares: 5, likes: 11 },
    });
  });

  it('keeps a remote account’s domain and skips boosts', () => {
    const remote = { ...STATUS, account: { ...STATUS.account, acct: 'bob@other.example' } };
    expect(statusToMention(remote, 'mastodon.example')?.author.handle).toBe('bob@other.example');
    expect(statusToMention({ ...STATUS, reblog: STATUS }, 'mastodon.example')).toBeNull();
  });
});
