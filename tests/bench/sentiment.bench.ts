// Sentiment and language ID measured on the labelled posts of ../shared/data/sentiment:
// the UMSAB val files (es, en, pt) and the 15 % of RuSentiTweet held out by tweet id (ru),
// none of which the shipped models were trained on. Run: pnpm bench bench/sentiment.bench.ts
import { performance } from 'node:perf_hooks';
import {
  type LabelledPost,
  RUSSIAN_VALIDATION_PERCENT,
  readSentimentCorpus,
} from '../../packages/domain/scripts/sentiment-corpus.js';
import { scoreClassification } from '../../packages/domain/src/sentiment/classification-scores.js';
import {
  analyzeSentiment,
  detectLanguage,
  SENTIMENT_LABELS,
  SENTIMENT_LANGUAGES,
} from '../../packages/domain/src/sentiment/index.js';

const percent = (value: number) => (100 * value).toFixed(1).padStart(5);

function postsPerSecond(
  posts: readonly LabelledPost[],
  analyse: (post: LabelledPost) => unknown,
): number {
  for (const post of posts.slice(0, 200)) analyse(post); // warm-up
  const rounds = 3;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) for (const post of posts) analyse(post);
  return (rounds * posts.length) / ((performance.now() - started) / 1000);
}

const validation = readSentimentCorpus().filter((post) => post.split === 'val');

console.log('Sentiment: macro-F1 / accuracy (%) on posts the models never saw');
console.log(
  `(es, en, pt: UMSAB val files; ru: ${RUSSIAN_VALIDATION_PERCENT} % of RuSentiTweet held out by id, speech = positive, skip left out)\n`,
);
console.log('lang  posts  F1 (lang given)  acc   F1 (lang detected)  acc   language ID');
for (const language of SENTIMENT_LANGUAGES) {
  const posts = validation.filter((post) => post.language === language);
  const gold = posts.map((post) => post.label);
  const given = scoreClassification(
    gold,
    posts.map((post) => analyzeSentiment(post.text, { language }).label),
    SENTIMENT_LABELS,
  );
  const detected = scoreClassification(
    gold,
    posts.map((post) => analyzeSentiment(post.text).label),
    SENTIMENT_LABELS,
  );
  const identified = posts.filter((post) => detectLanguage(post.text).language === language).length;
  console.log(
    `${language}    ${String(posts.length).padStart(5)}  ${percent(given.macroF1)}            ${percent(given.accuracy)}  ` +
      `${percent(detected.macroF1)}               ${percent(detected.accuracy)}  ${percent(identified / posts.length)}`,
  );
}

console.log('\nThroughput, one thread, all val posts:');
console.log(
  `  detectLanguage:                      ${postsPerSecond(validation, (post) => detectLanguage(post.text)).toFixed(0)} posts/s`,
);
console.log(
  `  analyzeSentiment (language given):   ${postsPerSecond(validation, (post) => analyzeSentiment(post.text, { language: post.language })).toFixed(0)} posts/s`,
);
console.log(
  `  analyzeSentiment (language detected): ${postsPerSecond(validation, (post) => analyzeSentiment(post.text)).toFixed(0)} posts/s`,
);
