import { describe, expect, it } from 'vitest';
import { renderMarkdown, renderPlainText } from '../../src/contract/markdown.ts';

describe('renderPlainText', () => {
  it.each([
    ['drops emphasis and code marks', 'A **bold** _move_ with `code` and ~~old~~', 'A bold move with code and old'],
    ['writes a safe link as its text and address', 'See [status](https://example.com/a?b=1&c=2).', 'See status (https://example.com/a?b=1&c=2).'],
    ['writes an address link once', '<https://example.com>', 'https://example.com'],
    ['keeps only the text of a link it would not render', '[click](javascript:alert(1))', 'click'],
    ['keeps raw HTML as the text it is, for each writer to escape', 'a <script>x</script> & b', 'a <script>x</script> & b'],
    ['keeps a backslash-escaped character as the character', '\\*not emphasis\\*', '*not emphasis*'],
    ['writes lists with marks, nested ones indented', '- one\n- two\n  - deeper\n\n1. first\n2. second', '- one\n- two\n  - deeper\n\n1. first\n2. second'],
    ['writes task items with their boxes', '- [x] done\n- [ ] open', '- [x] done\n- [ ] open'],
    ['keeps paragraphs apart and line breaks', 'one\ntwo  \nthree\n\nfour', 'one\ntwo\nthree\n\nfour'],
    ['writes an image as its alt text', '![a graph](https://example.com/g.png)', 'a graph'],
    ['quotes a quote', '> said\n> twice', '> said\n> twice'],
    ['writes a table row by row', '| a | b |\n|---|---|\n| 1 | 2 |', 'a | b\n1 | 2'],
    ['gives nothing for nothing', '', ''],
    ['gives the characters typed entities stand for, as a page shows them', 'Fish &amp; chips, &lt;b&gt;, it&#39;s &#x263A; &copy; 2025', "Fish & chips, <b>, it's ☺ © 2025"],
    ["decodes entities in a link's text and address", '[Q &amp; A](https://example.com/?a=1&amp;b=2)', 'Q & A (https://example.com/?a=1&b=2)'],
    ["decodes entities in an image's alt text and in a table", '![graph &amp; key](g.png)\n\n| a &lt; b |\n|---|\n| &gt; |', 'graph & key\n\na < b\n>'],
    ['keeps entities in code as typed, as a page shows them', '`&amp;` and\n\n```\n&lt;x&gt;\n```', '&amp; and\n\n&lt;x&gt;'],
    ['keeps an ampersand escaped with a backslash as typed', '\\&amp; stays', '&amp; stays'],
    ['keeps an unknown entity and a bare ampersand', '&bogus; AT&T', '&bogus; AT&T'],
  ])('%s', (_, markdown, text) => {
    expect(renderPlainText(markdown)).toBe(text);
  });
});

describe('renderMarkdown', () => {
  it.each([
    ["a link's address", '[Q](https://example.com/?a=1&amp;b=2 "Q &amp; A")', '<p><a href="https://example.com/?a=1&amp;b=2" title="Q &amp; A">Q</a></p>'],
    ["an image's alt text", '![graph &amp; key](g.png)', '<p><img src="g.png" alt="graph &amp; key"></p>'],
  ])('writes an entity typed in %s as its character, escaped once', (_, markdown, html) => {
    expect(renderMarkdown(markdown)).toBe(html);
  });

  it.each(['[x](java&#115;cript:alert(1))', '[x](&#106;avascript:alert(1))', '[x](javascript&colon;alert(1))'])('still drops %s, whose entities spell a script link', (markdown) => {
    expect(renderMarkdown(markdown)).toBe('<p>x</p>');
  });
});
