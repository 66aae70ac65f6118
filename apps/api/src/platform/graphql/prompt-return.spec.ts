import { describe, expect, it } from 'vitest';
import { flatMapPromptly, mapPromptly } from './prompt-return.js';

describe(flatMapPromptly.name, () => {
  it('flattens in order', async () => {
    async function* batches() {
      yield [1, 2];
      yield [];
      yield [3];
    }
    const values = [];
    for await (const value of flatMapPromptly(batches(), (batch) => batch)) values.push(value);
    expect(values).toEqual([1, 2, 3]);
  });

  it('passes return() to a source that is waiting, instead of waiting for its next value', async () => {
    let returned = false;
    const quiet: AsyncIterator<number> = {
      next: () => new Promise(() => {}),
      return: async () => {
        returned = true;
        return { done: true, value: undefined };
      },
    };
    const mapped = mapPromptly(quiet, (value) => value * 2);
    void mapped.next();
    await expect(mapped.return?.()).resolves.toEqual({ done: true, value: undefined });
    expect(returned).toBe(true);
  });
});
