import { afterEach, describe, expect, it } from 'vitest';
import { finishReuse, reuses, startReuse } from '../../src/site/page-reuse.ts';

afterEach(() => finishReuse());

describe('page reuse', () => {
  it('renders every page where no build started it (the dev server)', () => {
    expect(reuses('incidents/a/index.html', 'k1')).toBe(false);
    expect(finishReuse()).toBeUndefined();
  });

  it('keeps a page only when the last build wrote its file under the same key', () => {
    startReuse(
      new Map([
        ['incidents/a/index.html', 'k1'],
        ['incidents/b/index.html', 'k2'],
      ]),
    );
    expect(reuses('incidents/a/index.html', 'k1')).toBe(true);
    expect(reuses('incidents/b/index.html', 'k2-changed')).toBe(false);
    expect(reuses('en/incidents/a/index.html', 'k1')).toBe(false);
    expect(reuses('incidents/c/index.html', 'k3')).toBe(false);
    const finished = finishReuse();
    expect(finished?.reused).toEqual(new Set(['incidents/a/index.html']));
    expect(finished?.keys).toEqual(
      new Map([
        ['incidents/a/index.html', 'k1'],
        ['incidents/b/index.html', 'k2-changed'],
        ['en/incidents/a/index.html', 'k1'],
        ['incidents/c/index.html', 'k3'],
      ]),
    );
  });

  it('forgets a finished build: the next one starts from what it is given', () => {
    startReuse(new Map([['badges/a.svg', 'k']]));
    finishReuse();
    expect(reuses('badges/a.svg', 'k')).toBe(false);
  });
});
