/**
 * Upper-cases ASCII letters only. `String.prototype.toUpperCase` applies full
 * Unicode case mapping, which can lengthen a string (ﬀ → FF) or turn look-alikes
 * into ASCII (ſ → S, ı → I): identifiers would then pass checks they never met,
 * and two different strings would name one record. Non-ASCII characters are
 * left as they are, so the character rules refuse them.
 */
export function asciiUpper(text: string): string {
  return text.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}
