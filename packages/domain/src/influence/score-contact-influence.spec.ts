import { describe, expect, it } from 'vitest';
import { type ContactSocialProfile, scoreContactInfluence } from './score-contact-influence.js';

const profile = (contactId: string, audienceSize = 1000): ContactSocialProfile => ({
  contactId,
  audienceSize,
  engagementRate: 0.02,
  reach: 500,
});

describe(scoreContactInfluence.name, () => {
  it('ranks the contact the community talks to above equal-sized peers', () => {
    const sut = scoreContactInfluence(
      [profile('quiet'), profile('hub'), profile('fan')],
      [
        { kind: 'mention', from: 'fan', to: 'hub' },
        { kind: 'reply', from: 'stranger', to: 'hub' },
      ],
    );
    expect(sut.map((c) => c.contactId)).toEqual(['hub', 'fan', 'quiet']);
    expect(sut[0]?.components.centrality).toBe(1);
  });

  it('scores profiles without interactions from their own figures only', () => {
    const [only] = scoreContactInfluence([profile('solo', 10_000)], []);
    expect(only?.components.centrality).toBe(0);
    expect(only?.score).toBeGreaterThan(0);
  });
});
