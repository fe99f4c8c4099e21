/** Small helpers the channel writers share: cutting text to a format's limit. */

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
