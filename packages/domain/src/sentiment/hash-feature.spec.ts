import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_FEATURE_HASH,
  featureBucket,
  foldFeatureHash,
  foldFeatureHashUnit,
  hashFeature,
} from './hash-feature.js';

describe(hashFeature.name, () => {
  it('matches the published 32-bit FNV-1a test vectors in its low bits', () => {
    // Test vectors of the FNV reference code (Fowler, Noll, Vo: isthe.com/chongo/tech/comp/fnv):
    // "" -> 0x811c9dc5, "a" -> 0xe40c292c, "foobar" -> 0xbf9cf968.
    const low20 = (hash: number) => hash & 0xfffff;
    expect(hashFeature('', 20)).toBe(low20(0x811c9dc5));
    expect(hashFeature('a', 20)).toBe(low20(0xe40c292c));
    expect(hashFeature('foobar', 20)).toBe(low20(0xbf9cf968));
  });

  it('stays within 2^bits buckets', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 30 }), (name, bits) => {
        const bucket = hashFeature(name, bits);
        return Number.isInteger(bucket) && bucket >= 0 && bucket < 2 ** bits;
      }),
    );
  });
});

describe(foldFeatureHash.name, () => {
  it('hashes a name given in pieces as the joined name', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ unit: 'binary' }), (head, tail) => {
        const pieces = foldFeatureHash(foldFeatureHash(EMPTY_FEATURE_HASH, head), tail);
        expect(featureBucket(pieces, 20)).toBe(hashFeature(head + tail, 20));
      }),
    );
  });
});

describe(foldFeatureHashUnit.name, () => {
  it('folds one code unit as foldFeatureHash folds a one-unit string', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), (unit) => {
        expect(foldFeatureHashUnit(EMPTY_FEATURE_HASH, unit)).toBe(
          foldFeatureHash(EMPTY_FEATURE_HASH, String.fromCharCode(unit)),
        );
      }),
    );
  });
});
