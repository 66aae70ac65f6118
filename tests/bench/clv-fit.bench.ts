// Customer-value fitting benchmark: the CDNOW sample (Fader, Hardie & Lee 2005) and a million
// customers drawn from the BG/NBD process. Run: pnpm bench bench/clv-fit.bench.ts
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BgNbdParameters,
  fitBgNbd,
  fitGammaGamma,
  simulateBgNbdCustomers,
  summarizeCustomers,
} from '../../packages/domain/src/clv/index.js';
import { parseCdnowSample } from '../../packages/domain/src/clv/testing/cdnow-sample.js';

const GENERATING: BgNbdParameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const MILLION = 1_000_000;

function sharedDataDir(): string {
  if (process.env.SHARED_DATA_DIR) return process.env.SHARED_DATA_DIR;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error('pnpm-workspace.yaml not found');
    dir = parent;
  }
  return join(dir, '..', 'shared', 'data');
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const format = (parameters: object) =>
  Object.entries(parameters)
    .map(([name, value]: [string, number]) => `${name}=${value.toFixed(3)}`)
    .join(' ');

const text = readFileSync(join(sharedDataDir(), 'cdnow', 'CDNOW_sample.txt'), 'utf8');
const summary = timed(() =>
  summarizeCustomers(parseCdnowSample(text), { calibrationEnd: '1997-09-30', timeUnit: 'weeks' }),
);
const cdnowBgNbd = timed(() => fitBgNbd(summary.value));
const cdnowGammaGamma = timed(() => fitGammaGamma(summary.value));
console.log('CDNOW sample (2,357 customers, 39-week calibration)');
console.log(`  summarise purchases   ${summary.ms.toFixed(1)} ms`);
console.log(
  `  BG/NBD fit            ${cdnowBgNbd.ms.toFixed(1)} ms  ${format(cdnowBgNbd.value.parameters)} LL=${cdnowBgNbd.value.logLikelihood.toFixed(1)} (published r=0.243 alpha=4.414 a=0.793 b=2.426 LL=-9582.4)`,
);
console.log(
  `  Gamma-Gamma fit       ${cdnowGammaGamma.ms.toFixed(1)} ms  ${format(cdnowGammaGamma.value.parameters)} (published p=6.25 q=3.74 gamma=15.44)`,
);

const generated = timed(() =>
  simulateBgNbdCustomers({
    parameters: GENERATING,
    customers: MILLION,
    minAge: 27,
    maxAge: 39,
    resolution: 1 / 7,
    seed: 20050101,
  }),
);
const millionFit = timed(() => fitBgNbd(generated.value));
const fit = millionFit.value;
console.log('\nBG/NBD on 1,000,000 simulated customers (ages 27-39 weeks, times rounded to days)');
console.log(`  generate              ${generated.ms.toFixed(0)} ms`);
console.log(
  `  fit                   ${millionFit.ms.toFixed(0)} ms over ${fit.uniqueSummaries.toLocaleString('en')} unique (x, t_x, T) summaries, ${fit.iterations} iterations, converged=${fit.converged}`,
);
console.log(`  generating            ${format(GENERATING)}`);
console.log(`  fitted                ${format(fit.parameters)}`);
