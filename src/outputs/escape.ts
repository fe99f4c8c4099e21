/**
 * Text from content on its way into another language: one function per
 * language, used by every writer of that language. Content is checked at the
 * edge (src/contract), so these rarely change anything; they are here so that
 * no output can be made ill-formed or executable whatever reaches a writer.
 */

/** `\uXXXX` for one UTF-16 code unit. */
function unicodeEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A string as a JavaScript string literal of printable ASCII: everything else, and `<`, `>`, `&`, as `\uXXXX`. */
function jsString(text: string): string {
  // JSON.stringify quotes and escapes the string; what is left to escape stands
  // inside the quotes, where `\uXXXX` means the same character.
  return JSON.stringify(text).replace(/[^\x20-\x7e]|[<>&]/g, unicodeEscape);
}

/**
 * A value as a JavaScript expression that gives it back exactly, safe in
 * script text of any kind: `JSON.parse("…")` over a string literal of
 * printable ASCII (U+2028, U+2029 and every other non-ASCII character, `<`,
 * `>` and `&` written `\uXXXX`). It cannot end a string or a `<script>`
 * element, reads the same on a host page of any charset, and, unlike a JSON
 * text read as an object literal, keeps a `__proto__` key as a key.
 */
export function jsLiteral(value: unknown): string {
  return `JSON.parse(${jsString(JSON.stringify(value) ?? 'null')})`;
}

/**
 * Characters XML 1.0 does not allow anywhere in a document: C0 controls but
 * tab, line feed and carriage return; unpaired surrogates; U+FFFE and U+FFFF.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `text` without the characters XML 1.0 forbids, for writers whose XML
 * library escapes markup itself but passes these through (an RSS feed with
 * one U+0001 in it is refused by every reader).
 */
export function xmlCharacters(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * `text` as XML character data, fit for element content and quoted
 * attribute values alike: markup escaped, forbidden characters removed.
 */
export function xmlText(text: string): string {
  return xmlCharacters(text).replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}

/**
 * `text` as an RFC 5545 TEXT value (section 3.3.11): `\`, `;` and `,`
 * escaped, every line break (CRLF, CR or LF alone) written `\n`, and the other
 * control characters, which TEXT does not allow, removed (tab is allowed). Lines still need
 * folding when the content line is written.
 */
export function icsText(text: string): string {
  // Characters are removed first, so a CR and LF they stood between still make one line break.
  return xmlCharacters(text)
    .replace(/\u007f/g, '')
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Characters a spreadsheet reads as the start of a formula: such a cell gets a `'` first (docs/outputs.md). */
const FORMULA_START = /^[=+\-@]/;

/**
 * `text` as one RFC 4180 field: a cell that a spreadsheet would read as a
 * formula (starting with `=`, `+`, `-` or `@`) gets a `'` in front, then a
 * field holding a comma, a double quote, a CR or an LF is quoted, with its
 * double quotes doubled. Every other field is written as it is.
 */
export function csvField(text: string): string {
  const cell = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
