// Reads the labelled posts of ../shared/data/sentiment for the training script and the
// benchmark. Development only: the product never reads these files.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { hashFeature } from '../src/sentiment/hash-feature.js';
import type { SentimentLabel } from '../src/sentiment/sentiment-label.js';
import type { SentimentLanguage } from '../src/sentiment/sentiment-language.js';
import { sharedDataPath } from '../src/testing/shared-data.js';

/** One labelled post. `split` is where it belongs: fit on train, measure on val. */
export interface LabelledPost {
  readonly language: SentimentLanguage;
  readonly split: 'train' | 'val';
  readonly text: string;
  readonly label: SentimentLabel;
}

const UMSAB_FILES: ReadonlyArray<readonly [SentimentLanguage, string]> = [
  ['es', 'spanish'],
  ['en', 'english'],
  ['pt', 'portuguese'],
];
const UMSAB_LABELS: Readonly<Record<string, SentimentLabel>> = {
  '0': 'negative',
  '1': 'neutral',
  '2': 'positive',
};
// RuSentiTweet's speech acts (greetings, thanks, congratulations) read as positive to a
// brand; `skip` is noise and is left out.
const RUSENTITWEET_LABELS: Readonly<Record<string, SentimentLabel>> = {
  negative: 'negative',
  neutral: 'neutral',
  positive: 'positive',
  speech: 'positive',
};
/** Share of RuSentiTweet held out for validation, chosen by a hash of the tweet id. */
export const RUSSIAN_VALIDATION_PERCENT = 15;

function readLines(path: string): string[] {
  // The files have no final newline; split keeps the last line.
  return readFileSync(path, 'utf8').split(/\r?\n/);
}

function readUmsab(
  language: SentimentLanguage,
  file: string,
  split: 'train' | 'val',
): LabelledPost[] {
  const texts = readLines(sharedDataPath('sentiment', `${file}_${split}_text.txt`));
  const labels = readLines(sharedDataPath('sentiment', `${file}_${split}_labels.txt`));
  if (texts.length !== labels.length) {
    throw new Error(`${file}_${split}: ${texts.length} texts but ${labels.length} labels`);
  }
  return texts.map((text, i) => {
    const label = UMSAB_LABELS[labels[i]?.trim() ?? ''];
    if (label === undefined) throw new Error(`${file}_${split} line ${i + 1}: bad label`);
    return { language, split, text, label };
  });
}

function readRuSentiTweet(): LabelledPost[] {
  const rows: Array<{ text: string; label: string; id: string }> = parse(
    readFileSync(sharedDataPath('sentiment', 'russian_train.csv')),
    { columns: true },
  );
  return rows.flatMap((row) => {
    const label = RUSENTITWEET_LABELS[row.label];
    if (label === undefined) return [];
    const split = hashFeature(row.id, 16) % 100 < RUSSIAN_VALIDATION_PERCENT ? 'val' : 'train';
    return [{ language: 'ru' as const, split, text: row.text, label }];
  });
}

/** All labelled posts of the four languages. */
export function readSentimentCorpus(): LabelledPost[] {
  return [
    ...UMSAB_FILES.flatMap(([language, file]) => [
      ...readUmsab(language, file, 'train'),
      ...readUmsab(language, file, 'val'),
    ]),
    ...readRuSentiTweet(),
  ];
}
