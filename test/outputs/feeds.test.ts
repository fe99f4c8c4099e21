import { describe, expect, it } from 'vitest';
import { feedEntries } from '../../src/outputs/feeds.ts';
import { atomPath, atomUrl, homeUrl, rssPath, rssUrl, serviceUrl, updateAnchor } from '../../src/outputs/links.ts';
import { computeLedger } from '../../src/core/ledger.ts';
import type { Update } from '../../src/core/types.ts';
import { languageOf } from '../../src/i18n/language.ts';
import { at, content, en, incident, service, testSite, update } from '../builders.ts';

/** Updates as a file lists them, top first: `line` grows down the file. */
function fileUpdates(...entries: [Update['status'], string][]): Update[] {
  return entries.map(([status, time], index) => ({ status, at: at(time), text: { en: { html: `<p>${index}</p>`, markdown: String(index) } }, line: 10 + index * 3 }));
}

describe('updateAnchor', () => {
  it('names an update by its time and status', () => {
    const updates = fileUpdates(['identified', '2025-01-18 02:40']);
    expect(updateAnchor(updates[0]!, updates)).toBe('update-20250117T184000-identified');
  });

  it('gives two updates with the same time and status different anchors, the oldest (lowest in the file) the plain one', () => {
    const updates = fileUpdates(['update', '2025-01-18 03:00'], ['update', '2025-01-18 03:00'], ['update', '2025-01-18 03:00']);
    expect(updates.map((update) => updateAnchor(update, updates))).toEqual([
      'update-20250117T190000-update-3',
      'update-20250117T190000-update-2',
      'update-20250117T190000-update',
    ]);
  });

  it('keeps every anchor when a newer update with the same time and status is added above', () => {
    const before = fileUpdates(['update', '2025-01-18 03:00'], ['investigating', '2025-01-18 02:20']);
    const after = [update('update', '2025-01-18 03:00', '', 7), ...before];
    for (const update of before) expect(updateAnchor(update, after)).toBe(updateAnchor(update, before));
    expect(updateAnchor(after[0]!, after)).toBe('update-20250117T190000-update-2');
  });
});

describe('feedEntries', () => {
  it('gives every update of an incident its own link and guid, also when two share time and status', () => {
    const updates = fileUpdates(['update', '2025-01-18 03:00'], ['update', '2025-01-18 03:00'], ['investigating', '2025-01-18 02:20']);
    const entry = incident('2025-01-18 02:11', null, { updates });
    const ledger = computeLedger(content([entry]), at('2025-01-18 04:00'));
    const items = feedEntries(ledger, testSite, languageOf(testSite));
    expect(items.map((item) => item.html.split('\n')[0])).toEqual(['<p>0</p>', '<p>1</p>', '<p>2</p>']);
    expect(new Set(items.map((item) => item.url)).size).toBe(3);
  });

  it("holds the newest site.yaml `feedItems` updates, and names each affected service as the catalog does", () => {
    const updates = fileUpdates(['monitoring', '2025-01-18 03:30'], ['identified', '2025-01-18 02:40'], ['investigating', '2025-01-18 02:20']);
    const entry = incident('2025-01-18 02:11', null, { updates });
    const site = { ...testSite, feedItems: 2 };
    const ledger = computeLedger(content([entry], { site, services: [service('ecs', { name: en('Elastic Compute') })] }), at('2025-01-18 04:00'));
    const items = feedEntries(ledger, site, languageOf(site));
    expect(items.map((item) => item.title)).toEqual(['Monitoring: Test incident', 'Identified: Test incident']);
    expect(items[0]!.html).toContain('Elastic Compute (major outage)');
  });
});

describe('feed and page addresses', () => {
  const site = { ...testSite, url: 'https://example.github.io/status' };

  it.each([
    ['the home page', homeUrl(site), 'https://example.github.io/status/'],
    ["a service's page", serviceUrl(site, 'ecs'), 'https://example.github.io/status/services/ecs/'],
    ["the site's RSS feed", rssUrl(site), 'https://example.github.io/status/rss.xml'],
    ["a service's RSS feed", rssUrl(site, 'ecs'), 'https://example.github.io/status/services/ecs/rss.xml'],
    ["the site's Atom feed", atomUrl(site), 'https://example.github.io/status/history.atom'],
    ["a service's Atom feed", atomUrl(site, 'ecs'), 'https://example.github.io/status/services/ecs/history.atom'],
    ["the path of the site's RSS feed", rssPath(), '/rss.xml'],
    ["the path of a service's Atom feed", atomPath('ecs'), '/services/ecs/history.atom'],
  ])('writes %s below the site address', (_, address, expected) => {
    expect(address).toBe(expected);
  });
});
