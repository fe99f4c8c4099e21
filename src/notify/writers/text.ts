/** Small helpers the channel writers share: cutting text to a format's limit, escaping around addresses. */

/**
 * Cuts `text` so that `escape(text)` fits in `max` characters, ending in `…`
 * when cut. Cutting before escaping never leaves half an escape (`&am`).
 */
export function fit(text: string, max: number, escape: (text: string) => string = (plain) => plain): string {
  if (escape(text).length <= max) return escape(text);
  const characters = [...text];
  let length = 1;
  let end = 0;
  while (end < characters.length && length + escape(characters[end]!).length <= max) length += escape(characters[end++]!).length;
  return `${escape(characters.slice(0, end).join('').trimEnd())}…`;
}

const ADDRESS = /https?:\/\/[^\s<>()]+/g;

/**
 * `text` with `escape` applied to everything but the http(s) addresses in
 * it: a chat client links a bare address itself, and escaping inside one
 * would break the link.
 */
export function escapeOutsideAddresses(text: string, escape: (part: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    out += escape(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escape(text.slice(last));
}
