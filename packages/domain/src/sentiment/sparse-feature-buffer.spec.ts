import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SparseFeatureBuffer } from './sparse-feature-buffer.js';

// The Set-and-Map accumulation the buffer replaced, as the reference.
function referenceVector(blocks: readonly (readonly number[])[]): [number[], number[]] {
  const vector = new Map<number, number>();
  for (const block of blocks) {
    if (block.length === 0) continue;
    const buckets = new Set(block);
    const weight = 1 / Math.sqrt(buckets.size);
    for (const bucket of buckets) vector.set(bucket, (vector.get(bucket) ?? 0) + weight);
  }
  return [[...vector.keys()], [...vector.values()]];
}

function filled(sut: SparseFeatureBuffer, blocks: readonly (readonly number[])[]): void {
  sut.reset();
  for (const block of blocks) {
    for (const bucket of block) sut.add(bucket);
    sut.endBlock();
  }
}

const contents = (sut: SparseFeatureBuffer) => [
  Array.from(sut.indices.subarray(0, sut.length)),
  Array.from(sut.values.subarray(0, sut.length)),
];

// Small buckets collide often; large blocks make the buffer grow.
const blocks = fc.array(
  fc.array(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 2 ** 20 - 1 })), {
    maxLength: 700,
  }),
  { maxLength: 3 },
);

describe(SparseFeatureBuffer.name, () => {
  it('builds exactly the vector of the Set-and-Map accumulation, order and bits included', () => {
    fc.assert(
      fc.property(blocks, (post) => {
        const sut = new SparseFeatureBuffer();
        filled(sut, post);
        expect(contents(sut)).toEqual(referenceVector(post));
      }),
    );
  });

  it('forgets the previous post when reused', () => {
    fc.assert(
      fc.property(blocks, blocks, (first, second) => {
        const sut = new SparseFeatureBuffer();
        filled(sut, first);
        filled(sut, second);
        expect(contents(sut)).toEqual(referenceVector(second));
      }),
    );
  });

  it('adds a bucket present in two blocks once, with both weights', () => {
    const sut = new SparseFeatureBuffer();
    filled(sut, [[7, 7, 9, 9], [7]]);
    expect(contents(sut)).toEqual([
      [7, 9],
      [1 / Math.sqrt(2) + 1, 1 / Math.sqrt(2)],
    ]);
  });
});
