/**
 * Markdown to safe HTML, the one renderer for pages and feeds alike: raw HTML
 * is shown as text, and links other than http(s), mailto and relative ones
 * are dropped (their text stays).
 */
import { decodeHTML } from 'entities/decode';
import escapeHtml from 'escape-html';
import { Marked, type Tokens } from 'marked';

const LINK_SCHEMES = ['http:', 'https:', 'mailto:'];

/**
 * The marks a task list item starts with, done or open. Raw HTML in Markdown
 * is escaped, so only the renderer writes these elements.
 */
export const TASK_MARKS = { done: '<span class="task done">✓</span>', open: '<span class="task open">○</span>' } as const;

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
      const href = decodeHTML(token.href);
      if (!isSafeHref(href)) return text;
      const title = token.title ? ` title="${escapeHtml(decodeHTML(token.title))}"` : '';
      return `<a href="${escapeHtml(href)}"${title}>${text}</a>`;
    },
    checkbox(token: Tokens.Checkbox): string {
      // A mark, not a disabled form control: readable in feeds and by screen
      // readers alike. It has no words (this renderer has no language): pages
      // add "Done:" or "Open:" in theirs (taskWords in src/i18n/format.ts).
      return token.checked ? `${TASK_MARKS.done} ` : `${TASK_MARKS.open} `;
    },
    image(token: Tokens.Image): string {
      // Entities an editor typed (`&amp;`) are characters: decoded once, then escaped once for the attribute.
      const href = decodeHTML(token.href);
      const alt = escapeHtml(decodeHTML(token.text));
      if (!isSafeHref(href)) return alt;
      const title = token.title ? ` title="${escapeHtml(decodeHTML(token.title))}"` : '';
      return `<img src="${escapeHtml(href)}" alt="${alt}"${title}>`;
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

/**
 * Markdown as plain text, for outputs that are not HTML (chat messages):
 * emphasis and code marks dropped, list items as `- `, safe links as
 * `text (address)`, unsafe ones as their text, images as their alt text, raw
 * HTML as the text it is. Entities an editor typed in text (`&amp;`, `&lt;`,
 * `&#39;`, `&copy;`) are the characters they stand for, as a page shows them;
 * in code and raw HTML they stay as typed, as a page shows those too. The
 * result is not escaped for any language: each writer escapes it for its
 * own format (Slack would otherwise show `&amp;lt;`).
 */
const plain = new Marked({
  gfm: true,
  renderer: {
    space: () => '',
    paragraph(token: Tokens.Paragraph) { return `${this.parser.parseInline(token.tokens)}\n\n`; },
    heading(token: Tokens.Heading) { return `${this.parser.parseInline(token.tokens)}\n\n`; },
    code: (token: Tokens.Code) => `${token.text}\n\n`,
    blockquote(token: Tokens.Blockquote) {
      return `${this.parser.parse(token.tokens).trim().split('\n').map((line) => `> ${line}`.trimEnd()).join('\n')}\n\n`;
    },
    list(token: Tokens.List) {
      const start = typeof token.start === 'number' ? token.start : 1;
      const items = token.items.map((item, index) => {
        const mark = token.ordered ? `${start + index}. ` : '- ';
        const box = item.task ? (item.checked ? '[x] ' : '[ ] ') : '';
        // A tight item's text is a bare text block: end it with a line break so a nested list starts on its own line.
        const blocks = item.tokens.map((block) => (block.type === 'text' ? `${this.parser.parse([block])}\n` : this.parser.parse([block])));
        const body = blocks.join('').trim().split('\n').join(`\n${' '.repeat(mark.length)}`);
        return `${mark}${box}${body}`;
      });
      return `${items.join('\n')}\n\n`;
    },
    checkbox: () => '',
    table(token: Tokens.Table) {
      const row = (cells: Tokens.TableCell[]) => cells.map((cell) => this.parser.parseInline(cell.tokens)).join(' | ');
      return `${[row(token.header), ...token.rows.map(row)].join('\n')}\n\n`;
    },
    hr: () => '---\n\n',
    html: (token: Tokens.HTML | Tokens.Tag) => ('block' in token && token.block ? `${token.text.trim()}\n\n` : token.text),
    strong(token: Tokens.Strong) { return this.parser.parseInline(token.tokens); },
    em(token: Tokens.Em) { return this.parser.parseInline(token.tokens); },
    del(token: Tokens.Del) { return this.parser.parseInline(token.tokens); },
    codespan: (token: Tokens.Codespan) => token.text,
    br: () => '\n',
    link(token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      const href = decodeHTML(token.href);
      if (!isSafeHref(href) || text === href || `mailto:${text}` === href) return text;
      return `${text} (${href})`;
    },
    image: (token: Tokens.Image) => decodeHTML(token.text),
    text(token: Tokens.Text | Tokens.Escape) {
      if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
      // A backslash escape (`\&`) is its character already; text may hold entities.
      return token.type === 'text' ? decodeHTML(token.text) : token.text;
    },
  },
});

/** Renders Markdown as plain text (see `plain` above); blank lines between blocks, none at the ends. */
export function renderPlainText(markdown: string): string {
  return (plain.parse(markdown, { async: false }) as string).replace(/\n{3,}/g, '\n\n').trim();
}
