import { describe, expect, it } from 'vitest';
import { MentionChannel } from '../../contacts/index.js';
import { mentionsFromMetaDelivery } from './meta-payload.js';

// Shapes of Meta's documented sample deliveries (Page feed and Instagram comments).
const PAGE = {
  object: 'page',
  entry: [
    {
      id: '1234567890',
      time: 1521234568,
      changes: [
        {
          field: 'feed',
          value: {
            from: { id: '4455', name: 'Ana Ruiz' },
            item: 'comment',
            post_id: '1234567890_111',
            comment_id: '111_222',
            verb: 'add',
            created_time: 1521234567,
            message: 'Brand A rocks',
          },
        },
        {
          field: 'feed',
          value: { item: 'reaction', verb: 'add', post_id: '1_2', reaction_type: 'like' },
        },
        { field: 'feed', value: { item: 'comment', verb: 'remove', comment_id: '111_333' } },
      ],
    },
  ],
};

const INSTAGRAM = {
  object: 'instagram',
  entry: [
    {
      id: '17841405822304914',
      time: 1520622968,
      changes: [
        {
          field: 'comments',
          value: {
            from: { id: '232323232', username: 'test_user' },
            media: { id: '123123123', media_product_type: 'FEED' },
            id: '17865799348089039',
            text: 'This is an example about Brand A.',
          },
        },
        {
          field: 'mentions',
          value: { media_id: '17887498072083520', comment_id: '17887498072083521' },
        },
      ],
    },
  ],
};

describe(mentionsFromMetaDelivery.name, () => {
  it('maps Page feed comments and posts, skipping reactions and removals', () => {
    expect(mentionsFromMetaDelivery(PAGE, MentionChannel.FACEBOOK)).toEqual([
      {
        channel: MentionChannel.FACEBOOK,
        externalId: '111_222',
        url: null,
        text: 'Brand A rocks',
        publishedAt: new Date(1521234567 * 1000),
        author: { handle: '4455', displayName: 'Ana Ruiz' },
      },
    ]);
  });

  it('maps Instagram comments and skips mentions that carry no text', () => {
    expect(mentionsFromMetaDelivery(INSTAGRAM, MentionChannel.INSTAGRAM)).toEqual([
      {
        channel: MentionChannel.INSTAGRAM,
        externalId: '17865799348089039',
        url: null,
        text: 'This is an example about Brand A.',
        publishedAt: new Date(1520622968 * 1000),
        author: { handle: 'test_user', displayName: null },
      },
    ]);
  });

  it('ignores another object than the connector’s channel, and junk', () => {
    expect(mentionsFromMetaDelivery(PAGE, MentionChannel.INSTAGRAM)).toEqual([]);
    expect(mentionsFromMetaDelivery(null, MentionChannel.FACEBOOK)).toEqual([]);
    expect(
      mentionsFromMetaDelivery(
        { object: 'page', entry: [null, { changes: 'x' }] },
        MentionChannel.FACEBOOK,
      ),
    ).toEqual([]);
  });
});
