/** Shared pieces of the mask rules (internal to `masking/`). */

/** What a value, or its masked part, turns into when nothing of it may show. */
export const FULL_MASK = '****';

/** Most characters written for one masked part: past this, length would only reveal how long the text is. */
export const MAX_STARS = 64;

/** Longest identifier (ID number, credit code, phone) worth parsing; anything longer is not one. */
export const MAX_IDENTIFIER_LENGTH = 64;

/**
 * One `*` per code point of `text`, except the characters `keep` accepts,
 * which stay; at most {@link MAX_STARS} code points are written. Stops at
 * the cap, so a huge input costs no more than a short one.
 */
export function starCodePoints(text: string, keep?: (ch: string) => boolean): string {
  let out = '';
  let written = 0;
  for (const ch of text) {
    if (written === MAX_STARS) break;
    out += keep?.(ch) ? ch : '*';
    written++;
  }
  return out;
}
