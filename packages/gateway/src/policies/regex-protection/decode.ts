/**
 * Decodings applied before matching, so that an attack cannot hide behind an encoding the
 * backend will undo. Each is linear in its input and never throws.
 */

const PERCENT_ESCAPE = /%([0-9A-Fa-f]{2})/g;

/**
 * Percent-decodes a path once, bytes read as UTF-8; invalid sequences become U+FFFD rather
 * than stopping the decoding (decodeURIComponent would throw, and a fallback to the raw path
 * would leave every other escape encoded).
 */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  // The raw path is ASCII (node:http gives other bytes as latin1): one char per byte.
  const bytes = text.replace(PERCENT_ESCAPE, (_escape, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

const JSON_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g;
const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Replaces JSON string escapes (`\u0027`, `\"`…) in a JSON text by the characters they stand for; the rest is kept. */
export function unescapeJson(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(JSON_ESCAPE, (_escape, hex: string | undefined, simple: string | undefined) =>
    hex !== undefined ? String.fromCharCode(Number.parseInt(hex, 16)) : (SIMPLE[simple as string] as string),
  );
}
