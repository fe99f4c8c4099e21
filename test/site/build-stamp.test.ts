import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeDigest } from '../../src/site/build-stamp.ts';

const root = mkdtempSync(path.join(tmpdir(), 'status-ledger-code-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

describe('codeDigest', () => {
  it('is the same while the code is, and changes with a page, a component, the config, package.json or the lockfile', () => {
    write('src/pages/index.astro', '<p>home</p>');
    write('src/components/Bar.astro', '<li></li>');
    write('astro.config.mjs', 'export default {};');
    write('package.json', '{"version":"0.1.0"}');
    write('package-lock.json', '{"lockfileVersion":3}');
    const first = codeDigest(root);
    expect(codeDigest(root)).toBe(first);
    const seen = new Set([first]);
    for (const [file, text] of [
      ['src/pages/index.astro', '<p>home page</p>'],
      ['src/components/Bar.astro', '<li class="bar"></li>'],
      ['src/components/New.astro', '<p>new</p>'],
      ['astro.config.mjs', 'export default { build: {} };'],
      ['package.json', '{"version":"0.2.0"}'],
      ['package-lock.json', '{"lockfileVersion":3,"packages":{}}'],
    ]) {
      write(file!, text!);
      const digest = codeDigest(root);
      expect(seen.has(digest), `after changing ${file}`).toBe(false);
      seen.add(digest);
    }
  });

  it('tells a file moved from one that kept its name', () => {
    write('src/a.ts', 'x');
    const before = codeDigest(root);
    rmSync(path.join(root, 'src/a.ts'));
    write('src/b.ts', 'x');
    expect(codeDigest(root)).not.toBe(before);
  });
});
