// Trains the shipped sentiment models from ../shared/data/sentiment and writes them to
// src/sentiment/model/. Run from the repository root:
//   pnpm --filter @socialcrm/tests exec tsx ../packages/domain/scripts/train-sentiment.ts
//
// Per language: multinomial logistic regression over the hashed features of
// extractSentimentFeatures, class-balanced, L2-regularised, fitted with L-BFGS on the train
// split only. The L2 strength is chosen on the val split (Russian: a 15 % split of
// RuSentiTweet chosen by tweet id; one strength for all languages), then the weights are pruned to the strongest buckets and
// quantised to int8. The figures printed are those of the shipped (pruned, quantised) model.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scoreClassification } from '../src/sentiment/classification-scores.js';
import {
  extractSentimentFeatures,
  FEATURE_HASH_BITS,
  type SparseVector,
} from '../src/sentiment/sentiment-features.js';
import { SENTIMENT_LABELS, type SentimentLabel } from '../src/sentiment/sentiment-label.js';
import {
  SENTIMENT_LANGUAGES,
  type SentimentLanguage,
} from '../src/sentiment/sentiment-language.js';
import {
  decodeSentimentModel,
  encodeSentimentModel,
  predictSentimentProbabilities,
  type SentimentModel,
} from '../src/sentiment/sentiment-model.js';
import { stripPostNoise } from '../src/sentiment/strip-post-noise.js';
import { tokenizePost } from '../src/sentiment/tokenize-post.js';
import { type LabelledPost, readSentimentCorpus } from './sentiment-corpus.js';

const L2_GRID = [1e-4, 3e-4];
// Buckets kept per language, by largest weight: keeps each artefact near 200 kB.
const KEPT_BUCKETS = 40_000;
const MAX_ITERATIONS = 400;
const CLASSES = SENTIMENT_LABELS.length;

interface Dataset {
  /** Dense column of each feature bucket seen in training. */
  readonly columns: Map<number, number>;
  readonly rows: ReadonlyArray<{
    cols: Int32Array;
    values: Float64Array;
    label: number;
    weight: number;
  }>;
}

interface TrainingPost {
  readonly text: string;
  readonly label: SentimentLabel;
  /** Share of a full post's say in the fit. */
  readonly weight: number;
}

function buildDataset(vectors: readonly SparseVector[], posts: readonly TrainingPost[]): Dataset {
  const columns = new Map<number, number>();
  // Balanced class weights (by the posts' own weights), so macro-F1 does not suffer on the
  // rarer classes.
  const total = posts.reduce((sum, post) => sum + post.weight, 0);
  const classTotals = SENTIMENT_LABELS.map((label) =>
    posts.filter((post) => post.label === label).reduce((sum, post) => sum + post.weight, 0),
  );
  const rows = vectors.map((vector, i) => {
    const cols = Int32Array.from(vector.indices, (bucket) => {
      let col = columns.get(bucket);
      if (col === undefined) {
        col = columns.size;
        columns.set(bucket, col);
      }
      return col;
    });
    const label = SENTIMENT_LABELS.indexOf(posts[i]?.label ?? 'neutral');
    const weight = ((posts[i]?.weight ?? 1) * total) / (CLASSES * (classTotals[label] ?? 1));
    return { cols, values: Float64Array.from(vector.values), label, weight };
  });
  return { columns, rows };
}

// Parameters: CLASSES weights per column, then CLASSES biases (not regularised).
function lossAndGradient(
  data: Dataset,
  l2: number,
  theta: Float64Array,
  gradient: Float64Array,
): number {
  const biasAt = data.columns.size * CLASSES;
  gradient.fill(0);
  let loss = 0;
  const scores = new Float64Array(CLASSES);
  for (const row of data.rows) {
    for (let c = 0; c < CLASSES; c++) scores[c] = theta[biasAt + c] ?? 0;
    row.cols.forEach((col, k) => {
      const value = row.values[k] ?? 0;
      for (let c = 0; c < CLASSES; c++)
        scores[c] = (scores[c] ?? 0) + (theta[col * CLASSES + c] ?? 0) * value;
    });
    const top = Math.max(...scores);
    let total = 0;
    for (let c = 0; c < CLASSES; c++) total += Math.exp((scores[c] ?? 0) - top);
    loss += row.weight * (top + Math.log(total) - (scores[row.label] ?? 0));
    for (let c = 0; c < CLASSES; c++) {
      const residual =
        row.weight * (Math.exp((scores[c] ?? 0) - top) / total - (c === row.label ? 1 : 0));
      gradient[biasAt + c] = (gradient[biasAt + c] ?? 0) + residual;
      row.cols.forEach((col, k) => {
        gradient[col * CLASSES + c] =
          (gradient[col * CLASSES + c] ?? 0) + residual * (row.values[k] ?? 0);
      });
    }
  }
  const n = data.rows.length;
  loss /= n;
  for (let i = 0; i < gradient.length; i++) gradient[i] = (gradient[i] ?? 0) / n;
  for (let i = 0; i < biasAt; i++) {
    const w = theta[i] ?? 0;
    loss += 0.5 * l2 * w * w;
    gradient[i] = (gradient[i] ?? 0) + l2 * w;
  }
  return loss;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

// Limited-memory BFGS (Nocedal & Wright, algorithm 7.4) with a backtracking Armijo search.
function minimise(data: Dataset, l2: number): Float64Array {
  const size = data.columns.size * CLASSES + CLASSES;
  const memory = 10;
  let theta = new Float64Array(size);
  let gradient = new Float64Array(size);
  let loss = lossAndGradient(data, l2, theta, gradient);
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const direction = Float64Array.from(gradient, (g) => -g);
    const alphas: number[] = [];
    for (let j = steps.length - 1; j >= 0; j--) {
      const s = steps[j] as Float64Array;
      const y = changes[j] as Float64Array;
      const alpha = dot(s, direction) / dot(y, s);
      alphas[j] = alpha;
      for (let i = 0; i < size; i++) direction[i] = (direction[i] ?? 0) - alpha * (y[i] ?? 0);
    }
    const lastS = steps.at(-1);
    const lastY = changes.at(-1);
    const gamma = lastS && lastY ? dot(lastS, lastY) / dot(lastY, lastY) : 1;
    for (let i = 0; i < size; i++) direction[i] = (direction[i] ?? 0) * gamma;
    for (let j = 0; j < steps.length; j++) {
      const s = steps[j] as Float64Array;
      const y = changes[j] as Float64Array;
      const beta = dot(y, direction) / dot(y, s);
      for (let i = 0; i < size; i++)
        direction[i] = (direction[i] ?? 0) + ((alphas[j] ?? 0) - beta) * (s[i] ?? 0);
    }
    const slope = dot(gradient, direction);
    let step = 1;
    const next = new Float64Array(size);
    const nextGradient = new Float64Array(size);
    let nextLoss = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < size; i++) next[i] = (theta[i] ?? 0) + step * (direction[i] ?? 0);
      nextLoss = lossAndGradient(data, l2, next, nextGradient);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
      step /= 2;
    }
    const improvement = loss - nextLoss;
    steps.push(Float64Array.from(next, (v, i) => v - (theta[i] ?? 0)));
    changes.push(Float64Array.from(nextGradient, (g, i) => g - (gradient[i] ?? 0)));
    if (steps.length > memory) {
      steps.shift();
      changes.shift();
    }
    theta = next;
    gradient = nextGradient;
    loss = nextLoss;
    if (improvement < 1e-7 * Math.max(1, Math.abs(loss))) break;
  }
  return theta;
}

function toModel(
  language: SentimentLanguage,
  data: Dataset,
  theta: Float64Array,
  kept: number,
): SentimentModel {
  const biasAt = data.columns.size * CLASSES;
  const rows = [...data.columns.entries()].map(([bucket, col]) => {
    const raw = [0, 1, 2].map((c) => theta[col * CLASSES + c] ?? 0);
    // Softmax ignores a shift shared by the three classes; centring makes pruning fairer.
    const mean = raw.reduce((sum, w) => sum + w, 0) / CLASSES;
    const row = raw.map((w) => w - mean) as [number, number, number];
    return [bucket, row, Math.max(...row.map(Math.abs))] as const;
  });
  rows.sort((a, b) => b[2] - a[2]);
  return {
    language,
    hashBits: FEATURE_HASH_BITS,
    bias: [theta[biasAt] ?? 0, theta[biasAt + 1] ?? 0, theta[biasAt + 2] ?? 0],
    weights: new Map(rows.slice(0, kept).map(([bucket, row]) => [bucket, row])),
  };
}

function evaluate(
  model: SentimentModel,
  vectors: readonly SparseVector[],
  gold: readonly SentimentLabel[],
) {
  const predicted = vectors.map((vector) => {
    const p = predictSentimentProbabilities(model, vector);
    return SENTIMENT_LABELS[p.indexOf(Math.max(...p))] ?? 'neutral';
  });
  return scoreClassification(gold, predicted, SENTIMENT_LABELS);
}

function moduleSource(language: SentimentLanguage, model: SentimentModel): string {
  const encoded = encodeSentimentModel(model);
  return [
    '// Generated by packages/domain/scripts/train-sentiment.ts: do not edit. Provenance in README.md.',
    "import type { EncodedSentimentModel } from '../sentiment-model.js';",
    '',
    `/** Sentiment model for ${language}, trained on the data named in README.md. */`,
    `export const sentimentModel${language.toUpperCase()}: EncodedSentimentModel = ${JSON.stringify(encoded, null, 2)};`,
    '',
  ].join('\n');
}

const outputFolder = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  'sentiment',
  'model',
);
const corpus = readSentimentCorpus();
const pick = (language: SentimentLanguage, split: LabelledPost['split']) =>
  corpus.filter((post) => post.language === language && post.split === split);

// Emoji read alike in every language, and the English training posts have none: each model
// also learns from the emoji alone of every emoji-bearing training post of the four languages,
// at a tenth of a post's weight so they inform emoji without outvoting the language's own posts.
const EMOJI_ONLY_WEIGHT = 0.1;
const emojiOnly: TrainingPost[] = corpus.flatMap((post) => {
  if (post.split !== 'train') return [];
  const emoji = tokenizePost(stripPostNoise(post.text)).filter((token) => token.kind === 'emoji');
  const text = emoji.map((token) => token.text).join(' ');
  return emoji.length > 0 ? [{ text, label: post.label, weight: EMOJI_ONLY_WEIGHT }] : [];
});

interface Candidate {
  readonly l2: number;
  readonly scoresByLanguage: Map<SentimentLanguage, { macroF1: number; accuracy: number }>;
  readonly modelsByLanguage: Map<SentimentLanguage, SentimentModel>;
}

const candidates: Candidate[] = L2_GRID.map((l2) => ({
  l2,
  scoresByLanguage: new Map(),
  modelsByLanguage: new Map(),
}));
for (const language of SENTIMENT_LANGUAGES) {
  const train: TrainingPost[] = [
    ...pick(language, 'train').map((post) => ({ ...post, weight: 1 })),
    ...emojiOnly,
  ];
  const val = pick(language, 'val');
  const trainVectors = train.map((post) => extractSentimentFeatures(post.text, language));
  const valVectors = val.map((post) => extractSentimentFeatures(post.text, language));
  const valGold = val.map((post) => post.label);
  const data = buildDataset(trainVectors, train);
  console.log(
    `${language}: ${train.length} train posts (${emojiOnly.length} emoji-only), ${val.length} val, ${data.columns.size} buckets`,
  );
  for (const candidate of candidates) {
    const theta = minimise(data, candidate.l2);
    const full = evaluate(
      toModel(language, data, theta, Number.POSITIVE_INFINITY),
      valVectors,
      valGold,
    );
    // What ships is pruned and quantised, so that is what is measured.
    const shipped = decodeSentimentModel(
      encodeSentimentModel(toModel(language, data, theta, KEPT_BUCKETS)),
    );
    const scores = evaluate(shipped, valVectors, valGold);
    candidate.scoresByLanguage.set(language, scores);
    candidate.modelsByLanguage.set(language, toModel(language, data, theta, KEPT_BUCKETS));
    console.log(
      `  l2=${candidate.l2}: macro-F1 ${(100 * full.macroF1).toFixed(1)} unpruned, ${(100 * scores.macroF1).toFixed(1)} shipped`,
    );
  }
}

// One L2 strength for all four languages, by mean val macro-F1: 324 val posts a language are
// too few to tune each language apart without fitting their noise.
const meanF1 = (candidate: Candidate) =>
  [...candidate.scoresByLanguage.values()].reduce((sum, s) => sum + s.macroF1, 0) /
  SENTIMENT_LANGUAGES.length;
const best = candidates.reduce((a, b) => (meanF1(b) > meanF1(a) ? b : a));
console.log(`\nchosen l2=${best.l2} (mean val macro-F1 ${(100 * meanF1(best)).toFixed(1)})`);
for (const language of SENTIMENT_LANGUAGES) {
  const model = best.modelsByLanguage.get(language);
  const scores = best.scoresByLanguage.get(language);
  if (model === undefined || scores === undefined) throw new Error(`no ${language} model`);
  const source = moduleSource(language, model);
  writeFileSync(join(outputFolder, `sentiment-model-${language}.gen.ts`), source);
  console.log(
    `${language}: val macro-F1 ${(100 * scores.macroF1).toFixed(1)}, accuracy ${(100 * scores.accuracy).toFixed(1)}, ${(source.length / 1024).toFixed(0)} kB`,
  );
}
