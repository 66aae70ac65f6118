import { describe, expect, it } from 'vitest';
import { type BgNbdSimulationOptions, simulateBgNbdCustomers } from './bg-nbd-simulation.js';
import { ClvInputError } from './clv-input-error.js';

const options: BgNbdSimulationOptions = {
  parameters: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  customers: 5000,
  minAge: 27,
  maxAge: 39,
  resolution: 1 / 7,
  seed: 2005,
};

describe(simulateBgNbdCustomers.name, () => {
  it('is reproducible from its seed', () => {
    expect(simulateBgNbdCustomers(options)).toEqual(simulateBgNbdCustomers(options));
    expect(simulateBgNbdCustomers(options)).not.toEqual(
      simulateBgNbdCustomers({ ...options, seed: 1 }),
    );
  });

  it('produces consistent day-rounded summaries within the age range', () => {
    const sut = simulateBgNbdCustomers(options);
    expect(sut).toHaveLength(5000);
    for (const { x, tx, T } of sut) {
      expect(Number.isInteger(x) && x >= 0).toBe(true);
      expect(tx).toBeLessThanOrEqual(T);
      expect(T).toBeGreaterThanOrEqual(26.99);
      expect(T).toBeLessThanOrEqual(39);
      expect(Math.abs(T * 7 - Math.round(T * 7))).toBeLessThan(1e-9);
      if (x === 0) expect(tx).toBe(0);
    }
  });

  it('rejects an age range that ends before it starts', () => {
    const call = () => simulateBgNbdCustomers({ ...options, maxAge: 10 });
    expect(call).toThrow(ClvInputError);
    expect(call).toThrow(/^maxAge /);
  });
});
