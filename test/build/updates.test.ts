import { describe, expect, inject, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { builtSite } from './build-site.ts';

const fixture = builtSite(inject('builds').fixture!.outDir);
const base = builtSite(inject('builds').base!.outDir);

describe('/api/v1/updates.json', () => {
  it('lists every update of the last 90 days and of open incidents, newest first, each with a unique id and its address', () => {
    const api = fixture.json('api/v1/updates.json');
    expect(api.generatedAt).toBe('2025-02-10T00:00:00.000Z');
    expect(api.updates.map((entry: { id: string }) => entry.id)).toEqual([
      '2025-02-10-cdn#update-20250209T223000-identified',
      '2025-02-10-cdn#update-20250209T221000-investigating',
      '2025-02-20-ecs-maintenance#update-20250209T020000-scheduled',
      '2025-02-03-oss-upgrade#update-20250202T200000-completed',
      '2025-02-03-oss-upgrade#update-20250202T170000-in-progress',
      '2025-01-31-customer#update-20250131T165000-resolved',
      '2025-02-03-oss-upgrade#update-20250125T020000-scheduled',
      '2025-01-18-api-errors#update-20250117T200500-resolved',
      '2025-01-18-hangzhou-power#update-20250117T194500-resolved',
      '2025-01-18-api-errors#update-20250117T193500-investigating',
      '2025-01-18-hangzhou-power#update-20250117T184000-identified',
      '2025-01-18-hangzhou-power#update-20250117T182000-investigating',
    ]);
    expect(api.updates[0]).toEqual({
      id: '2025-02-10-cdn#update-20250209T223000-identified',
      incident: '2025-02-10-cdn',
      status: 'identified',
      time: '2025-02-09T22:30:00.000Z',
      url: 'https://status.test/incidents/2025-02-10-cdn/#update-20250209T223000-identified',
    });
  });

  it('links each update to an element of its incident page', () => {
    for (const entry of fixture.json('api/v1/updates.json').updates) {
      const [page, anchor] = entry.url.replace('https://status.test/', '').split('#');
      expect(fixture.read(`${page}index.html`)).toContain(`id="${anchor}"`);
    }
  });
});

describe('WebSub', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
  const links = (xml: string) => [parser.parse(xml).rss.channel['atom:link']].flat();

  it('names the hub and the feed itself in every RSS feed when site.yaml sets websubHub, escaped', () => {
    const site = base.read('rss.xml');
    expect(site).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
    expect(site).toContain('<atom:link href="https://hub.example.com/?a=1&amp;b=2" rel="hub"/>');
    expect(links(site)).toEqual([
      { href: 'https://hub.example.com/?a=1&b=2', rel: 'hub' },
      { href: 'https://example.github.io/status/rss.xml', rel: 'self', type: 'application/rss+xml' },
    ]);
    expect(links(base.read('services/oss/rss.xml'))[1]).toEqual({ href: 'https://example.github.io/status/services/oss/rss.xml', rel: 'self', type: 'application/rss+xml' });
  });

  it('adds nothing to feeds without a hub', () => {
    expect(fixture.read('rss.xml')).not.toContain('atom:link');
  });
});
