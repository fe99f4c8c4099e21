import { describe, expect, inject, it } from 'vitest';
import { builtSite } from './build-site.ts';
import { embedDataOf } from '../outputs/parsers.ts';

const build = builtSite(inject('builds').fixture!.outDir);

describe('/maintenance.ics', () => {
  const ics = build.read('maintenance.ics');

  it('is an RFC 5545 calendar: CRLF lines of at most 75 octets, balanced blocks', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    const lines = ics.split('\r\n');
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(lines.filter((line) => line === 'END:VEVENT').length);
  });

  it('holds every upcoming and recent maintenance window, soonest first, stamped with the build’s now', () => {
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    const events = unfolded.split('BEGIN:VEVENT').slice(1);
    expect(events.map((event) => event.match(/^UID:(.*)$/m)![1])).toEqual(['2025-02-03-oss-upgrade@status.test', '2025-02-20-ecs-maintenance@status.test']);
    expect(events[0]).toMatch(/^DTSTART:20250202T170000Z$/m);
    expect(events[0]).toMatch(/^DTEND:20250202T190000Z$/m);
    expect(events[0]).toMatch(/^SUMMARY:Maintenance: Storage upgrade$/m);
    expect(events[0]).toMatch(/^URL:https:\/\/status\.test\/incidents\/2025-02-03-oss-upgrade\/$/m);
    for (const event of events) expect(event).toMatch(/^DTSTAMP:20250210T000000Z$/m);
  });

  it('is linked from the home page', () => {
    expect(build.read('index.html')).toContain('href="/maintenance.ics"');
  });
});

describe('badges', () => {
  it('show the overall status and each service’s, with a title for screen readers', () => {
    expect(build.read('badges/overall.svg')).toContain('<title>status: partial outage</title>');
    expect(build.read('badges/cdn.svg')).toContain('<title>CDN: partial outage</title>');
    expect(build.read('badges/ecs.svg')).toContain('<title>Compute: operational</title>');
    expect(build.read('badges/ecs.svg')).toContain('role="img"');
  });

  it('show each service’s 90-day observed uptime as the pages write it, and stay small', () => {
    // One truncation rule: the badge says what the home and the service page say, to the third decimal.
    for (const id of ['ecs', 'oss', 'cdn', 'console']) {
      const badge = build.read(`badges/${id}-uptime.svg`).match(/<title>[^<]* uptime: (\d+\.\d+)%<\/title>/)![1];
      const page = build.read(`services/${id}/index.html`).match(/(\d+\.\d+)% observed uptime/)![1];
      expect(badge).toBe(page);
      expect(badge).toMatch(/^\d+\.\d{3}$/);
    }
    // Storage saw 60 minutes of overrun and 30 of a customer's outage in 90 days: not a round figure.
    expect(build.read('badges/oss-uptime.svg')).toMatch(/<title>Storage uptime: 99\.\d{3}%<\/title>/);
    expect(Buffer.byteLength(build.read('badges/overall.svg'))).toBeLessThan(1200);
  });
});

describe('/embed.js', () => {
  it('carries the status in itself and makes no request, sets no cookie', () => {
    const script = build.read('embed.js');
    const data = embedDataOf(script);
    expect(data.headline).toBe('Partial outage');
    expect(data.active).toEqual([{ title: 'CDN errors in Europe', url: 'https://status.test/incidents/2025-02-10-cdn/' }]);
    expect(script).not.toMatch(/fetch\(|XMLHttpRequest|document\.cookie|localStorage|import\(/);
    expect(Buffer.byteLength(script)).toBeLessThan(3000);
  });
});
