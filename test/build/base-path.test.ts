import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { builtSite } from './build-site.ts';

const build = builtSite(inject('builds').base!.outDir);

describe('a site published under a path (url: https://example.github.io/status)', () => {
  it('puts the path in front of every internal link, stylesheet and icon', () => {
    for (const page of ['index.html', 'incidents/2025-01-18-hangzhou-power/index.html', 'services/oss/index.html', 'sla/index.html', 'history/index.html']) {
      const html = parse(build.read(page));
      const links = [...html.querySelectorAll('a[href], link[href]')].map((element) => element.getAttribute('href')!);
      const internal = links.filter((link) => link.startsWith('/'));
      expect(internal.length, page).toBeGreaterThan(3);
      for (const link of internal) expect(link, page).toMatch(/^\/status\//);
      // Absolute links to the site itself; claim forms are another site's.
      for (const link of links.filter((link) => link.startsWith('https://example.github.io'))) expect(link, page).toMatch(/^https:\/\/example\.github\.io\/status\//);
    }
  });

  it('gives canonical links, feeds and the API the full public address', () => {
    const incident = parse(build.read('incidents/2025-01-18-hangzhou-power/index.html'));
    expect(incident.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://example.github.io/status/incidents/2025-01-18-hangzhou-power/');
    expect(build.read('rss.xml')).toContain('<link>https://example.github.io/status/incidents/2025-02-10-cdn/#update-');
    expect(build.json('api/v1/incidents.json').incidents[0].url).toBe('https://example.github.io/status/incidents/2025-02-20-ecs-maintenance/');
  });
});
