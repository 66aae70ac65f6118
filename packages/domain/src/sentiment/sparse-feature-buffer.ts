const INITIAL_CAPACITY = 256;

function grown<T extends Int32Array | Float64Array | Uint32Array>(array: T, needed: number): T {
  if (array.length >= needed) return array;
  let size = array.length;
  while (size < needed) size *= 2;
  const next = new (array.constructor as new (size: number) => T)(size);
  next.set(array);
  return next;
}

/**
 * Builds a hashed sparse feature vector block by block, reusing its typed arrays from post to
 * post so scoring a post allocates next to nothing (the old Set and Map per block made GC a
 * tenth of the profile). Blocks are filled with `add` and closed with `endBlock`, which keeps
 * each distinct bucket once, scales the block to unit length and adds it to the vector.
 *
 * The vector keeps its buckets in order of first appearance, the order the Map it replaces
 * iterated in; scores are summed in that order, so they are identical to the last bit.
 */
export class SparseFeatureBuffer {
  /** Distinct bucket ids, in order of first appearance; valid up to `length`. */
  indices = new Int32Array(INITIAL_CAPACITY);
  /** Value of each bucket in `indices`. */
  values = new Float64Array(INITIAL_CAPACITY);
  /** Number of distinct buckets. */
  length = 0;

  // Buckets of the open block, then (after endBlock's first pass) its distinct slots.
  private pending = new Int32Array(INITIAL_CAPACITY);
  private pendingLength = 0;

  // Open-addressing table from bucket to its position in `indices`. A slot is live when its
  // stamp is the current post's, so starting a post clears nothing; `slotBlock` tells whether a
  // bucket was already counted in the open block.
  private slotBuckets = new Int32Array(2 * INITIAL_CAPACITY);
  private slotPositions = new Int32Array(2 * INITIAL_CAPACITY);
  private slotPost = new Uint32Array(2 * INITIAL_CAPACITY);
  private slotBlock = new Uint32Array(2 * INITIAL_CAPACITY);
  // Slots start at stamp 0, so a fresh table has no live slot.
  private stamp = 1;
  private postStamp = 1;

  /** Empties the vector for a new post. */
  reset(): void {
    this.length = 0;
    this.pendingLength = 0;
    this.postStamp = this.nextStamp();
  }

  /** Adds one occurrence of a bucket to the open block. */
  add(bucket: number): void {
    this.pending = grown(this.pending, this.pendingLength + 1);
    this.pending[this.pendingLength++] = bucket;
  }

  /** Closes the open block: each of its distinct buckets gains 1 / √(distinct count). */
  endBlock(): void {
    if (this.pendingLength === 0) return;
    this.ensureTableFor(this.length + this.pendingLength);
    const blockStamp = this.nextStamp();
    let distinct = 0;
    for (let i = 0; i < this.pendingLength; i++) {
      const slot = this.slotOf(this.pending[i] ?? 0);
      if (this.slotBlock[slot] === blockStamp) continue;
      this.slotBlock[slot] = blockStamp;
      this.pending[distinct++] = slot;
    }
    const weight = 1 / Math.sqrt(distinct);
    this.indices = grown(this.indices, this.length + distinct);
    this.values = grown(this.values, this.length + distinct);
    for (let i = 0; i < distinct; i++) {
      const slot = this.pending[i] ?? 0;
      const position = this.slotPositions[slot] ?? -1;
      if (position >= 0) {
        this.values[position] = (this.values[position] ?? 0) + weight;
      } else {
        this.slotPositions[slot] = this.length;
        this.indices[this.length] = this.slotBuckets[slot] ?? 0;
        this.values[this.length] = weight;
        this.length += 1;
      }
    }
    this.pendingLength = 0;
  }

  // The live slot of a bucket, claimed (with no position yet) if the post has not seen it.
  private slotOf(bucket: number): number {
    const mask = this.slotBuckets.length - 1;
    let slot = bucket & mask;
    while (this.slotPost[slot] === this.postStamp) {
      if (this.slotBuckets[slot] === bucket) return slot;
      slot = (slot + 1) & mask;
    }
    this.slotPost[slot] = this.postStamp;
    this.slotBuckets[slot] = bucket;
    this.slotPositions[slot] = -1;
    return slot;
  }

  // Keeps the table at most half full for `count` distinct buckets.
  private ensureTableFor(count: number): void {
    if (this.slotBuckets.length >= 2 * count) return;
    let size = this.slotBuckets.length;
    while (size < 2 * count) size *= 2;
    this.slotBuckets = new Int32Array(size);
    this.slotPositions = new Int32Array(size);
    this.slotPost = new Uint32Array(size);
    this.slotBlock = new Uint32Array(size);
    this.restartStamps();
  }

  // Stamps only grow; past 2^32 - 1 they start again from a wiped table.
  private nextStamp(): number {
    if (this.stamp === 0xffffffff) {
      this.slotPost.fill(0);
      this.slotBlock.fill(0);
      this.restartStamps();
    }
    this.stamp += 1;
    return this.stamp;
  }

  // Starts the stamps over on a table with no live slot, re-entering the vector built so far.
  private restartStamps(): void {
    this.stamp = 1;
    this.postStamp = 1;
    for (let i = 0; i < this.length; i++) {
      this.slotPositions[this.slotOf(this.indices[i] ?? 0)] = i;
    }
  }
}
