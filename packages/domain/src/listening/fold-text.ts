// Accents are combining marks U+0300–U+036F once decomposed (NFD). The breve after и is kept:
// й is a letter of its own in Russian, whereas ё is commonly written е and does fold to it.
const ACCENT_MARKS = /(?<!и)\u0306|[\u0300-\u0305\u0307-\u036f]/g;

/**
 * Lower-cases `text` and removes its accents (`Café` → `cafe`, `Ёлка` → `елка`), so terms and
 * posts compare case- and accent-insensitively. The result is decomposed (NFD): й stays as
 * и followed by its breve. Greek final sigma folds to σ because
 * lower-casing picks ς or σ from the letter's position in the word.
 */
export function foldText(text: string): string {
  const folded = text.toLowerCase().normalize('NFD').replace(ACCENT_MARKS, '');
  return folded.includes('ς') ? folded.replaceAll('ς', 'σ') : folded;
}
