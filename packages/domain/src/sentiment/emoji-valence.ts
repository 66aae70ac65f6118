import { emojiEmotion } from 'emoji-emotion';

// Variation selectors and skin tones do not change what an emoji says.
const PRESENTATION = /[\uFE0F\u{1F3FB}-\u{1F3FF}]/gu;

/** Removes variation selectors and skin-tone modifiers, so "❤️" is "❤" and "👍🏽" is "👍". */
export function normalizeEmoji(emoji: string): string {
  return emoji.replace(PRESENTATION, '');
}

const VALENCE = new Map(emojiEmotion.map((entry) => [normalizeEmoji(entry.emoji), entry.polarity]));

/**
 * The valence of an emoji, from -5 (bad) to 5 (good), as rated in wooorm's `emoji-emotion`
 * list; undefined for emoji it does not rate. Lets the models read emoji their training
 * posts never showed (the English training posts have none).
 */
export function emojiValence(emoji: string): number | undefined {
  return VALENCE.get(normalizeEmoji(emoji));
}
