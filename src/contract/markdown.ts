/**
 * Markdown to safe HTML, the one renderer for pages and feeds alike: raw HTML
 * is shown as text, and links other than http(s), mailto and relative ones
 * are dropped (their text stays).
 */
import escapeHtml from 'escape-html';
import { Marked, type Tokens } from 'marked';

const LINK_SCHEMES = ['http:', 'https:', 'mailto:'];

/**
 * Whether `href` is relative or uses one of `schemes`. Control characters and
 * white space are ignored the way browsers ignore them, and anything with a
 * colon before its first `/` or `?` counts as having a scheme, so
 * `java&#115;cript:` and `jav\tascript:` are refused too.
 */
export function isSafeHref(href: string, schemes: readonly string[] = LINK_SCHEMES): boolean {
  // eslint-disable-next-line no-control-regex
  const compact = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const head = compact.split(/[/?]/, 1)[0]!;
  if (!head.includes(':')) return true;
  return schemes.some((scheme) => compact.startsWith(scheme));
}

const marked = new Marked({
  gfm: true,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      const text = escapeHtml(token.text);
      return 'block' in token && token.block ? `<p>${text.trim()}</p>\n` : text;
    },
    link(token: Tokens.Link): string {
      const text = this.parser.parseInline(token.tokens);
      if (!isSafeHref(token.href)) return text;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(token.href)}"${title}>${text}</a>`;
    },
    checkbox(token: Tokens.Checkbox): string {
      // A word, not a disabled form control: readable in feeds and by screen readers alike.
      return token.checked ? '<span class="task done">✓ Done:</span> ' : '<span class="task open">○ Open:</span> ';
    },
    image(token: Tokens.Image): string {
      if (!isSafeHref(token.href)) return escapeHtml(token.text);
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}"${title}>`;
    },
  },
});

/** Renders Markdown to HTML that is safe to put in a page or a feed. */
export function renderMarkdown(markdown: string): string {
  return (marked.parse(markdown, { async: false }) as string).trim();
}

/** Reads Markdown into block tokens, for the timeline parser. */
export function lexMarkdown(markdown: string) {
  return marked.lexer(markdown);
}
