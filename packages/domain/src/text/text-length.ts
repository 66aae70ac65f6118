/**
 * The length of a user's text as the product counts it everywhere (api limits and admin forms
 * alike): in characters (Unicode code points), so an emoji or a letter outside the Basic
 * Multilingual Plane counts once, not as the two UTF-16 code units JavaScript's `length` sees.
 */
export function textLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}
