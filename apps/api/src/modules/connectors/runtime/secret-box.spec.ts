import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

const KEY = 'a-connector-secret-key-of-at-least-32-chars';

describe(SecretBox.name, () => {
  const sut = new SecretBox(KEY);

  it('opens what it sealed for the same row', () => {
    const sealed = sut.seal('app-secret', 't1:c1');
    expect(sealed).not.toContain('app-secret');
    expect(sut.open(sealed, 't1:c1')).toBe('app-secret');
  });

  it('seals the same secret differently each time', () => {
    expect(sut.seal('x', 't1:c1')).not.toBe(sut.seal('x', 't1:c1'));
  });

  it('refuses a ciphertext moved to another row', () => {
    expect(() => sut.open(sut.seal('app-secret', 't1:c1'), 't2:c1')).toThrow();
  });

  it('refuses a ciphertext sealed under another key', () => {
    const other = new SecretBox(`${KEY}-other`);
    expect(() => sut.open(other.seal('app-secret', 't1:c1'), 't1:c1')).toThrow();
  });
});
