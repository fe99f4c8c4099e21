import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translateCommand } from '../../src/editor/translate.ts';
import { DESIGN_EXAMPLE, SITE_YAML, writeContentFolder } from '../builders.ts';

/** 2025-03-01 10:00 in Asia/Shanghai, the test site's zone. */
const NOW = String(Date.parse('2025-03-01T02:00:00Z') / 1000);

describe('npm run translate on a translation Markdown cannot read', () => {
  it('refuses with the path and line the check gives, writes nothing, and never crashes', async () => {
    const deep = `---\ntitle: ""\n---\n${'*a '.repeat(2000)}x${' a*'.repeat(2000)}\n`;
    const dir = writeContentFolder({
      'site.yaml': `${SITE_YAML}locale: en\nlanguages: [zh-CN]\n`,
      'incidents/2025/2025-01-18-zone-h.md': DESIGN_EXAMPLE,
      'incidents/2025/2025-01-18-zone-h.zh-CN.md': deep,
    });
    const result = await translateCommand(['2025-01-18-zone-h', '--lang', 'zh-CN'], { STATUS_CONTENT_DIR: dir, SOURCE_DATE_EPOCH: NOW });
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain(
      'incidents/2025/2025-01-18-zone-h.zh-CN.md:4: the text nests Markdown too deeply to be read (emphasis, links, quotes or lists inside one another, thousands deep); write it flatter, with fewer marks (*, _, ~, [ ]) inside one another',
    );
    expect(result.stderr).toMatch(/nothing was written\n$/);
    expect(readFileSync(path.join(dir, 'incidents/2025/2025-01-18-zone-h.zh-CN.md'), 'utf8')).toBe(deep);
  });
});
