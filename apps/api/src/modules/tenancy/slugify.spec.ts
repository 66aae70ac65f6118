import { describe, expect, it } from 'vitest';
import { slugify } from './tenancy.service.js';

describe(slugify.name, () => {
  it('makes a URL name from any script, with a unique suffix', () => {
    expect(slugify('Café Aurora & Co.')).toMatch(/^cafe-aurora-co-[0-9a-f]{6}$/);
    expect(slugify('Кофе')).toMatch(/^tenant-[0-9a-f]{6}$/);
  });
});
