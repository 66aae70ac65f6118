import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MergeCandidate, planContactMerge } from './contact-merge-plan.js';

const noDecision = { granted: null, at: null, source: null };

function candidate(id: string, fields: Partial<MergeCandidate> = {}): MergeCandidate {
  return {
    id,
    displayName: id,
    firstName: null,
    lastName: null,
    emails: [],
    phones: [],
    language: null,
    country: null,
    city: null,
    tags: [],
    ownerId: null,
    lifecycleStage: 'lead',
    emailConsent: noDecision,
    socialConsent: noDecision,
    customFields: {},
    externalId: null,
    identityIds: [],
    companyLinks: [],
    timelineEntries: 0,
    orders: 0,
    engagementEvents: 0,
    noteVersions: 0,
    mentionsAuthored: 0,
    ...fields,
  };
}

describe(planContactMerge.name, () => {
  it('keeps the survivor’s values and fills its blanks from the merged in the order given', () => {
    const sut = planContactMerge(
      candidate('s', { displayName: 'Ana', firstName: 'Ana', city: '  ', language: 'es' }),
      [
        candidate('m1', { lastName: 'García', city: 'Madrid', language: 'en' }),
        candidate('m2', { lastName: 'Garcia', city: 'Sevilla', country: 'ES', ownerId: 'u2' }),
      ],
    );
    expect(sut.result).toMatchObject({
      displayName: 'Ana',
      firstName: 'Ana',
      lastName: 'García',
      city: 'Madrid',
      language: 'es',
      country: 'ES',
      ownerId: 'u2',
    });
    expect(sut.mergedIds).toEqual(['m1', 'm2']);
  });

  it('unions emails, phones and tags, the survivor’s first', () => {
    const sut = planContactMerge(
      candidate('s', { emails: ['a@x.es'], phones: ['+34600000001'], tags: ['vip'] }),
      [
        candidate('m', {
          emails: ['b@x.es', 'a@x.es'],
          phones: ['+34600000001', '+34600000002'],
          tags: ['new', 'vip'],
        }),
      ],
    );
    expect(sut.result.emails).toEqual(['a@x.es', 'b@x.es']);
    expect(sut.result.phones).toEqual(['+34600000001', '+34600000002']);
    expect(sut.result.tags).toEqual(['vip', 'new']);
  });

  it('takes each consent from the most recent decision, ignoring contacts that never decided', () => {
    const sut = planContactMerge(
      candidate('s', {
        emailConsent: { granted: true, at: '2025-01-01T00:00:00.000Z', source: 'form' },
        socialConsent: { granted: false, at: '2025-06-01T00:00:00.000Z', source: 'call' },
      }),
      [
        candidate('m', {
          emailConsent: { granted: false, at: '2025-03-01T00:00:00.000Z', source: 'unsubscribe' },
          socialConsent: { granted: null, at: '2026-01-01T00:00:00.000Z', source: null },
        }),
      ],
    );
    expect(sut.result.emailConsent).toEqual({
      granted: false,
      at: '2025-03-01T00:00:00.000Z',
      source: 'unsubscribe',
    });
    expect(sut.result.socialConsent.source).toBe('call');
  });

  it('keeps the survivor’s custom fields, then adds the others’ missing keys in order', () => {
    const sut = planContactMerge(candidate('s', { customFields: { tier: 'gold' } }), [
      candidate('m1', { customFields: { tier: 'silver', size: 'L' } }),
      candidate('m2', { customFields: { size: 'M', shoe: '42' } }),
    ]);
    expect(sut.result.customFields).toEqual({ tier: 'gold', size: 'L', shoe: '42' });
  });

  it('takes the lifecycle stage furthest along', () => {
    const stage = (...stages: string[]) =>
      planContactMerge(
        candidate('s', { lifecycleStage: stages[0] as string }),
        stages.slice(1).map((lifecycleStage, i) => candidate(`m${i}`, { lifecycleStage })),
      ).result.lifecycleStage;
    expect(stage('lead', 'customer', 'subscriber')).toBe('customer');
    expect(stage('opportunity', 'marketingQualifiedLead')).toBe('opportunity');
    expect(stage('advocate', 'churned')).toBe('churned');
    expect(stage('somethingUnknown', 'subscriber')).toBe('subscriber');
  });

  it('moves company links once per company, keeping the survivor’s role', () => {
    const sut = planContactMerge(
      candidate('s', { companyLinks: [{ companyId: 'acme', role: 'CEO' }] }),
      [
        candidate('m1', {
          companyLinks: [
            { companyId: 'acme', role: 'buyer' },
            { companyId: 'globex', role: 'buyer' },
          ],
        }),
        candidate('m2', { companyLinks: [{ companyId: 'globex', role: 'intern' }] }),
      ],
    );
    expect(sut.companyLinks).toEqual([{ companyId: 'globex', role: 'buyer', fromContactId: 'm1' }]);
    expect(sut.companyLinksDropped).toBe(2);
  });

  it('moves every identity and counts every entry, order and event of the merged', () => {
    const counts = fc.record({
      timelineEntries: fc.nat(50),
      orders: fc.nat(50),
      engagementEvents: fc.nat(50),
      noteVersions: fc.nat(50),
      mentionsAuthored: fc.nat(50),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(counts, fc.array(fc.uuid(), { maxLength: 4 })), {
          minLength: 1,
          maxLength: 19,
        }),
        (shapes) => {
          const merged = shapes.map(([count, identityIds], i) =>
            candidate(`m${i}`, { ...count, identityIds }),
          );
          const sut = planContactMerge(candidate('s', { orders: 7, identityIds: ['own'] }), merged);
          const sum = (key: keyof typeof sut & keyof MergeCandidate) =>
            merged.reduce((total, contact) => total + (contact[key] as number), 0);
          expect(sut.identityIds).toEqual(merged.flatMap((contact) => contact.identityIds));
          for (const key of [
            'timelineEntries',
            'orders',
            'engagementEvents',
            'noteVersions',
            'mentionsAuthored',
          ] as const)
            expect(sut[key]).toBe(sum(key));
        },
      ),
      { seed: 13, numRuns: 100 },
    );
  });
});
