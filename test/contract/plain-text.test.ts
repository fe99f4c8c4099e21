import { describe, expect, it } from 'vitest';
import { renderPlainText } from '../../src/contract/markdown.ts';

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
  ])('%s', (_, markdown, text) => {
    expect(renderPlainText(markdown)).toBe(text);
  });
});
