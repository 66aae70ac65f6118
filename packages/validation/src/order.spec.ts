import { describe, expect, it } from 'vitest';
import { amountSchema, currencyRateSchema } from './currency.js';
import { engagementEventSchema } from './engagement.js';
import { orderSchema, parseInstant } from './order.js';

const fieldsRefused = (
  schema: typeof orderSchema | typeof engagementEventSchema,
  value: unknown,
) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
};

const order = {
  externalId: 'o-1',
  contactExternalId: 'c-1',
  orderedAt: '2026-01-05',
  amount: '12.30',
  currency: 'eur',
};

describe('amountSchema', () => {
  it('keeps decimal text as written and refuses what a numeric(19, 4) cannot hold exactly', () => {
    expect(amountSchema.parse(' 12.30 ')).toBe('12.30');
    expect(amountSchema.parse('0')).toBe('0');
    expect(amountSchema.parse('-5.10')).toBe('-5.10');
    expect(amountSchema.parse(-0.25)).toBe('-0.25');
    for (const bad of ['1.23456', '1e3', '+1', '--1', '1,5', '', '1234567890123456', '.5'])
      expect(amountSchema.safeParse(bad).success, bad).toBe(false);
  });

  it('takes a JSON number only when a double holds it exactly (at most 15 digits)', () => {
    expect(amountSchema.parse(0.1)).toBe('0.1');
    expect(amountSchema.parse(123456789012.34)).toBe('123456789012.34');
    expect(amountSchema.safeParse(1e21).success).toBe(false);
    expect(amountSchema.safeParse(12345678901234.56).success).toBe(false);
    expect(amountSchema.safeParse(Number.NaN).success).toBe(false);
  });
});

describe('parseInstant', () => {
  it('reads ISO dates and date-times, a date or a zoneless time as UTC', () => {
    expect(parseInstant('2026-01-05')?.toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(parseInstant('20260105')?.toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(parseInstant('2026-01-05 10:30')?.toISOString()).toBe('2026-01-05T10:30:00.000Z');
    expect(parseInstant('2026-01-05T10:30:00+02:00')?.toISOString()).toBe(
      '2026-01-05T08:30:00.000Z',
    );
  });

  it('refuses days that do not exist and other writings', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '05/01/2026', 'yesterday', '2026-01-05T25:00'])
      expect(parseInstant(bad), bad).toBeNull();
  });
});

describe('orderSchema', () => {
  it('upper-cases the currency and counts the items of the lines', () => {
    const parsed = orderSchema.parse({
      ...order,
      itemCount: 7,
      lines: [
        { quantity: 2, unitPrice: '1' },
        { quantity: '3', unitPrice: 2.5, sku: ' ' },
      ],
    });
    expect(parsed).toMatchObject({ currency: 'EUR', itemCount: 5 });
    expect(parsed.lines[1]).toEqual({ quantity: 3, unitPrice: '2.5', sku: null });
    expect(orderSchema.parse(order).itemCount).toBe(1);
    expect(orderSchema.parse({ ...order, itemCount: '4' }).itemCount).toBe(4);
  });

  it('names each refused field', () => {
    expect(fieldsRefused(orderSchema, { ...order, currency: 'XYZ', orderedAt: 'soon' })).toEqual([
      'orderedAt',
      'currency',
    ]);
    expect(fieldsRefused(orderSchema, { ...order, contactExternalId: null })).toEqual([
      'contactExternalId',
    ]);
    expect(
      fieldsRefused(orderSchema, { ...order, lines: [{ quantity: 0, unitPrice: 'x' }] }),
    ).toEqual(['lines.0.quantity', 'lines.0.unitPrice']);
  });
});

describe('engagementEventSchema', () => {
  it('takes kinds in any case and checks the URL', () => {
    const event = { externalId: 'e', contactEmail: 'Ana@Example.com', occurredAt: '2026-01-05' };
    expect(engagementEventSchema.parse({ ...event, kind: 'opened' })).toMatchObject({
      kind: 'OPENED',
      contactEmail: 'ana@example.com',
    });
    expect(fieldsRefused(engagementEventSchema, { ...event, kind: 'LIKED', url: 'x' })).toEqual([
      'kind',
      'url',
    ]);
  });
});

describe('currencyRateSchema', () => {
  it('wants a positive rate on a real day', () => {
    expect(currencyRateSchema.parse({ currency: 'usd', date: '2026-01-05', rate: '0.9' })).toEqual({
      currency: 'USD',
      date: '2026-01-05',
      rate: '0.9',
    });
    expect(
      currencyRateSchema
        .safeParse({ currency: 'USD', date: '2026-02-29', rate: '0' })
        .error?.issues.map((issue) => issue.path.join('.')),
    ).toEqual(['date', 'rate']);
  });
});
