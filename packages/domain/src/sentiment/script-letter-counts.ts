const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

const UNKNOWN = 0;
const OTHER = 1;
const CYRILLIC_LETTER = 2;
const LATIN_LETTER = 3;

// Script of each BMP code unit, filled in on first sight: one regex test per distinct
// character in the process's life instead of a match array per post.
const bmpScripts = new Uint8Array(0x10000);

function scriptOf(codePoint: number): number {
  const character = String.fromCodePoint(codePoint);
  if (CYRILLIC.test(character)) return CYRILLIC_LETTER;
  return LATIN.test(character) ? LATIN_LETTER : OTHER;
}

function bmpScriptOf(codeUnit: number): number {
  let script = bmpScripts[codeUnit] ?? UNKNOWN;
  if (script === UNKNOWN) {
    script = scriptOf(codeUnit);
    bmpScripts[codeUnit] = script;
  }
  return script;
}

/** How many characters of a text are in the Cyrillic script and how many in the Latin one. */
export interface ScriptLetterCounts {
  readonly cyrillic: number;
  readonly latin: number;
}

/**
 * Counts the Cyrillic and the Latin code points of a text, as `text.match(/\p{Script=…}/gu)`
 * would: a surrogate pair is one code point, a lone surrogate belongs to neither script.
 */
export function countScriptLetters(text: string): ScriptLetterCounts {
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let script: number;
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      // Astral code points are rare in posts (emoji, mostly): test them directly.
      script = scriptOf(0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00));
      i += 1;
    } else {
      script = bmpScriptOf(unit);
    }
    if (script === CYRILLIC_LETTER) cyrillic += 1;
    else if (script === LATIN_LETTER) latin += 1;
  }
  return { cyrillic, latin };
}
