import { describe, expect, it } from 'vitest';
import { companyInputSchema, companySizeFromText, normaliseDomain } from './company.js';

describe('normaliseDomain', () => {
  it.each([
    ['acme.com', 'acme.com'],
    ['  ACME.com ', 'acme.com'],
    ['https://www.Acme.com/about?x=1', 'acme.com'],
    ['http://shop.acme.co.uk:8080/', 'shop.acme.co.uk'],
    ['www.acme.com.', 'acme.com'],
    ['müller.de', 'xn--mller-kva.de'],
  ])('%s is %s', (text, domain) => expect(normaliseDomain(text)).toBe(domain));

  it.each(['', 'acme', 'not a domain', 'http://', 'acme..com', '-acme.com', 'a_b.com'])(
    'refuses %j',
    (text) => expect(normaliseDomain(text)).toBeNull(),
  );
});

describe('companySizeFromText', () => {
  it.each([
    ['SIZE_11_50', 'SIZE_11_50'],
    ['11-50', 'SIZE_11_50'],
    ['11 – 50', 'SIZE_11_50'],
    ['1,001-5,000', 'SIZE_1001_5000'],
    ['10001+', 'SIZE_10001_PLUS'],
    ['lots', null],
  ])('%s is %s', (text, size) => expect(companySizeFromText(text)).toBe(size));
});

describe('companyInputSchema', () => {
  it('stores a blank domain as none and names a bad one', () => {
    expect(companyInputSchema.parse({ name: 'Acme', domain: '  ' }).domain).toBeNull();
    const parsed = companyInputSchema.safeParse({ name: 'Acme', domain: 'acme' });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['domain']);
  });
});
