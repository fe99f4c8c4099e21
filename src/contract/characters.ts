/**
 * The character classes content is judged by, each defined once: what no
 * content may hold (fields.ts) and what a message quoting content shows as
 * `\uXXXX` (problems.ts) are built from the same pieces.
 */

/**
 * C0 controls but tab, line feed and carriage return; DEL and the C1
 * controls; U+FFFE and U+FFFF. No content may hold them: they are
 * invisible, and most of them make feeds and badges ill-formed XML.
 */
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

/** A surrogate without its other half: no text may hold one. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Bidi controls: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and the marks U+200E, U+200F, U+061C. In a name they can
 * reverse the text around it; right-to-left letters need none of them.
 */
export const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/** Line breaks and tabs, which a one-line field cannot show. */
export const LINE_BREAK = /[\t\n\r\u2028\u2029]/;

/**
 * Every character a terminal would not show as it is, for quoting content
 * in a one-line message: the four classes above together.
 */
export const UNPRINTABLE = new RegExp([CONTROL, LINE_BREAK, BIDI, LONE_SURROGATE].map((pattern) => pattern.source).join('|'), 'g');
