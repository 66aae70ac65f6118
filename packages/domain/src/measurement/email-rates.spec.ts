import { describe, expect, it } from 'vitest';
import { type EmailCampaignCounts, emailRates } from './email-rates.js';

const campaign = (overrides: Partial<EmailCampaignCounts> = {}): EmailCampaignCounts => ({
  sent: 1000,
  bounced: 50,
  uniqueOpens: 190,
  uniqueClicks: 38,
  ...overrides,
});

describe(emailRates.name, () => {
  it('computes rates over sent, delivered and opened mail', () => {
    const sut = emailRates(campaign());
    expect(sut.bounceRate).toBe(0.05);
    expect(sut.openRate).toBe(0.2);
    expect(sut.clickThroughRate).toBe(0.04);
    expect(sut.clickToOpenRate).toBe(0.2);
  });

  it('returns null rates for an empty send instead of NaN', () => {
    expect(emailRates(campaign({ sent: 0, bounced: 0, uniqueOpens: 0, uniqueClicks: 0 }))).toEqual({
      bounceRate: null,
      openRate: null,
      clickThroughRate: null,
      clickToOpenRate: null,
    });
  });

  it('gives a null click-to-open rate when no open was tracked', () => {
    expect(emailRates(campaign({ uniqueOpens: 0, uniqueClicks: 5 })).clickToOpenRate).toBeNull();
  });

  it('rejects impossible counts, naming the field', () => {
    expect(() => emailRates(campaign({ bounced: 1001 }))).toThrow(/bounced/);
    expect(() => emailRates(campaign({ uniqueOpens: 951 }))).toThrow(/uniqueOpens/);
    expect(() => emailRates(campaign({ uniqueClicks: 951 }))).toThrow(/uniqueClicks/);
    expect(() => emailRates(campaign({ sent: -1 }))).toThrow(/sent/);
  });
});
