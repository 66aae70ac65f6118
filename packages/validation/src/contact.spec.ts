import { describe, expect, it } from 'vitest';
import { contactInputSchema, deriveDisplayName, normalisePhones, toE164 } from './contact.js';
import { socialIdentitySchema } from './identity.js';

describe('phones', () => {
  it('writes numbers in E.164, reading one without + in the contact’s country', () => {
    expect(toE164('600 111 222', 'ES')).toBe('+34600111222');
    expect(toE164('(415) 555-2671', 'US')).toBe('+14155552671');
    expect(toE164('+44 20 7946 0958', null)).toBe('+442079460958');
    expect(toE164('+44 20 7946 0958', 'ES')).toBe('+442079460958');
  });

  it('refuses what is not a valid number, and a number without + when no country is known', () => {
    expect(toE164('600 111 222', null)).toBeNull();
    expect(toE164('+34 12', 'ES')).toBeNull();
    expect(toE164('call me', 'ES')).toBeNull();
    expect(normalisePhones(['600111222', '+34 600 111 222', 'x'], 'ES')).toEqual({
      phones: ['+34600111222'],
      problems: [{ index: 2, message: expect.stringContaining('not a valid phone') }],
    });
  });
});

describe('contact input', () => {
  it('lower-cases emails, keeps the primary language subtag and upper-cases the country', () => {
    const parsed = contactInputSchema.parse({
      emails: ['A@B.example', 'a@b.example'],
      language: 'pt-BR',
      country: 'br',
      tags: ['x', 'x', 'y'],
    });
    expect(parsed).toMatchObject({
      emails: ['a@b.example'],
      language: 'pt',
      country: 'BR',
      tags: ['x', 'y'],
    });
  });

  it('names each bad field', () => {
    const parsed = contactInputSchema.safeParse({
      emails: ['nope'],
      language: '1',
      country: 'XX',
      lifecycleStage: 'god',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(
      ['country', 'emails.0', 'language', 'lifecycleStage'].sort(),
    );
  });

  it('derives a display name from the name, else an email, else a phone', () => {
    expect(deriveDisplayName({ firstName: 'Ana', lastName: 'Ruiz', emails: ['a@b.c'] })).toBe(
      'Ana Ruiz',
    );
    expect(deriveDisplayName({ displayName: 'Boss', firstName: 'Ana' })).toBe('Boss');
    expect(deriveDisplayName({ emails: ['a@b.c'], phones: ['+1'] })).toBe('a@b.c');
    expect(deriveDisplayName({ phones: ['+34600111222'] })).toBe('+34600111222');
    expect(deriveDisplayName({})).toBeNull();
  });
});

describe('social identity input', () => {
  it('keys handles as the ingest path does and wants a handle or an external id', () => {
    expect(socialIdentitySchema.parse({ channel: 'X', handle: '@Ana_R' }).handle).toBe('ana_r');
    expect(socialIdentitySchema.safeParse({ channel: 'X' }).error?.issues[0]?.path).toEqual([
      'handle',
    ]);
    expect(socialIdentitySchema.safeParse({ channel: 'X', externalId: '1' }).success).toBe(true);
  });

  it('accepts only http and https profile URLs', () => {
    const url = (profileUrl: string) =>
      socialIdentitySchema.safeParse({ channel: 'X', handle: 'a', profileUrl }).success;
    expect(url('https://x.com/a')).toBe(true);
    expect(url('javascript:alert(1)')).toBe(false);
    expect(url('ftp://x.com/a')).toBe(false);
  });
});
