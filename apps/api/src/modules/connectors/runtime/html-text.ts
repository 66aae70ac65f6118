import { decodeHTML } from 'entities';

/** Plain text of an HTML fragment: tags dropped (block ends become spaces), entities decoded. */
export function htmlToText(html: string): string {
  return decodeHTML(
    html
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6]|blockquote)>/gi, ' ')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
}
