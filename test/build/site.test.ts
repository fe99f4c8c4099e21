import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { builtSite, readerText as text } from './build-site.ts';
import { FIXTURE_FILES } from './fixture.ts';

const build = builtSite(inject('builds').fixture!.outDir);
const page = (path: string): HTMLElement => parse(build.read(`${path.replace(/^\//, '')}index.html`));
const ids = Object.keys(FIXTURE_FILES).map((file) => file.replace(/^.*\//, '').replace(/\.md$/, ''));

const PAGES = [
  '/',
  '/history/',
  '/history/2025-01/',
  '/history/2025-02/',
  '/sla/',
  ...['ecs', 'oss', 'cdn', 'console'].map((id) => `/services/${id}/`),
  ...ids.map((id) => `/incidents/${id}/`),
];

describe('every page', () => {
  it.each(PAGES)('%s has one h1, a title, a description, a canonical link and the site feed', (path) => {
    const html = page(path);
    expect(html.querySelectorAll('h1')).toHaveLength(1);
    expect(text(html.querySelector('title'))).toMatch(/Test Status$/);
    expect(text(html.querySelector('title')).length).toBeLessThanOrEqual(70);
    expect(html.querySelector('meta[name="description"]')?.getAttribute('content')).toBeTruthy();
    expect(html.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`https://status.test${path}`);
    expect(html.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href')).toBe('https://status.test/rss.xml');
    expect(html.querySelector('main')).not.toBeNull();
    expect(html.querySelector('html')?.getAttribute('lang')).toBe('en');
  });

  it('carries only a few kilobytes of JavaScript, and only as an enhancement', () => {
    for (const path of PAGES) {
      const scripts = page(path).querySelectorAll('script');
      const bytes = scripts.reduce((sum, script) => sum + script.textContent.length, 0);
      expect(bytes).toBeLessThan(4096);
      expect(scripts.every((script) => !script.getAttribute('src')?.startsWith('http'))).toBe(true);
    }
  });

  it('has a sitemap of every page, robots.txt, a favicon and a 404 page', () => {
    const sitemap = build.read('sitemap.xml');
    for (const path of PAGES) expect(sitemap).toContain(`<loc>https://status.test${path}</loc>`);
    expect(build.read('robots.txt')).toContain('Sitemap: https://status.test/sitemap.xml');
    expect(build.read('favicon.svg')).toContain('<svg');
    expect(build.read('404.html')).toContain('Page not found');
  });
});

describe('home page', () => {
  const home = page('/');

  it('says the overall status in one sentence', () => {
    expect(text(home.querySelector('#overall-status'))).toBe('Partial outage');
    expect(text(home.querySelector('.overall p'))).toBe('2 of 4 services affected: CDN (partial outage) and Console (partial outage).');
  });

  it('shows the active incident with its latest update, the upcoming maintenance and the notice', () => {
    const active = text(home.querySelector('#active')?.parentNode as HTMLElement);
    expect(active).toContain('CDN errors in Europe');
    expect(active).toContain('A faulty edge node.');
    expect(active).not.toContain('Looking.');
    expect(text(home.querySelector('#upcoming')?.parentNode as HTMLElement)).toContain('Compute maintenance');
    expect(text(home.querySelector('#notices')?.parentNode as HTMLElement)).toContain('New region');
  });

  it('lists services by group with status, 90 days of bars and observed uptime', () => {
    const groups = home.querySelectorAll('.group');
    expect(groups.map((group) => text(group.querySelector('h3')))).toEqual(['Compute', 'Storage', 'Network']);
    const rows = home.querySelectorAll('.service');
    expect(rows.map((row) => [text(row.querySelector('.name')), text(row.querySelector('.status-label'))])).toEqual([
      ['Compute', 'Operational'],
      ['Storage', 'Operational'],
      ['CDN', 'Partial outage'],
      ['Console', 'Partial outage'],
    ]);
    for (const row of rows) {
      const days = row.querySelectorAll('.uptime-bars > li').reduce((sum, bar) => sum + Number(bar.getAttribute('style')?.match(/--d:(\d+)/)![1] ?? 1), 0);
      expect(days).toBe(90);
      expect(text(row.querySelector('.uptime-figure'))).toMatch(/^\d+\.\d{3}% uptime$/);
    }
  });

  it('tells each bar’s date, downtime and incidents in text', () => {
    const storage = home.querySelectorAll('.service')[1]!;
    const tips = storage.querySelectorAll('.uptime-bars span').map(text);
    // The upgrade ran 01:00-04:00 on 3 Feb: 60 minutes of overrun seen by users; the announced two hours are not downtime.
    expect(tips).toContain('3 Feb: under maintenance, 60 min, 1 incident');
    expect(tips).toContain('31 Jan: major outage, 30 min, 1 incident');
    expect(tips.at(-1)).toMatch(/^4\s?–\s?10 Feb: no downtime$/);
  });

  it('says as of when it shows the status, in the site zone', () => {
    expect(home.querySelector('.overall .as-of time')?.getAttribute('datetime')).toBe('2025-02-10T00:00:00.000Z');
    expect(text(home.querySelector('.overall .as-of'))).toBe('As of 2025-02-10 08:00 +08:00.');
  });

  it('is the one page that shows the build’s time: every other page’s cache key leaves now out', () => {
    for (const other of [home, page('/incidents/2025-01-18-hangzhou-power/'), page('/services/ecs/'), page('/sla/')]) {
      expect(other.querySelector('footer time')).toBeNull();
      expect(text(other.querySelector('footer'))).not.toContain('2025-02-10 08:00');
    }
  });
});

describe('incident page', () => {
  const power = page('/incidents/2025-01-18-hangzhou-power/');

  it('shows status, cause, times, duration and time to first update', () => {
    const facts = text(power.querySelector('.facts'));
    expect(facts).toContain('Cause Platform');
    expect(facts).toContain('Started 2025-01-18 02:11 +08:00');
    expect(facts).toContain('Resolved 2025-01-18 03:40 +08:00');
    expect(facts).toContain('Duration 1 h 29 min');
    expect(facts).toContain('First update 9 min after the start');
    expect(text(power.querySelector('.badges'))).toContain('Resolved');
  });

  it('lists the timeline newest first with times in the site zone and UTC datetime attributes', () => {
    const updates = power.querySelectorAll('.timeline li');
    expect(updates.map((update) => text(update.querySelector('h3')))).toEqual([
      'Resolved · 2025-01-18 03:45 +08:00',
      'Identified · 2025-01-18 02:40 +08:00',
      'Investigating · 2025-01-18 02:20 +08:00',
    ]);
    expect(updates[0]!.querySelector('time')?.getAttribute('datetime')).toBe('2025-01-17T19:45:00.000Z');
    expect(updates[0]!.id).toBe('update-20250117T194500-resolved');
  });

  it('shows the availability impact per service and month with the month’s tier and credit', () => {
    const cells = power.querySelectorAll('tbody tr').filter((row) => row.querySelectorAll('td').length > 4).map((row) =>
      [row.querySelector('th'), ...row.querySelectorAll('td')].map((cell) => text(cell as HTMLElement)),
    );
    expect(cells).toEqual([
      [
        'Compute',
        '2025-01 Final will not change',
        '89 min month: 110 min',
        '99.753%',
        'Pro-rated refund',
        '0.246% of the month’s fee for Compute Claim this credit for Compute, 2025-01 by 2 Mar 2025.',
      ],
      ['Storage', '2025-01 Final will not change', '6 min month: 6 min', '99.986%', 'None', '0.000%'],
    ]);
  });

  it('links each credit to its claim form, filled in with the service, the month and the month’s incidents', () => {
    const links = power.querySelectorAll('#impact ~ * .claim a, .claim a').map((link) => link.getAttribute('href'));
    expect(links).toEqual(['https://support.test/claims/new?service=ecs&month=2025-01&incidents=2025-01-18-hangzhou-power%2C2025-01-18-api-errors']);
    // A policy without `claim` says to contact support, with the site's contact.
    const cdn = page('/incidents/2025-02-10-cdn/');
    // February is still going on: the amount may change.
    expect(text(cdn.querySelector('.claim'))).toBe('To claim it, contact support. The amount may still change: the month’s figures are provisional.');
    expect(cdn.querySelector('.claim a')?.getAttribute('href')).toBe('tel:+1-555-0100');
  });

  it('shows the postmortem with follow-up actions', () => {
    expect(text(power.querySelector('#postmortem')?.parentNode as HTMLElement)).toContain('1 of 2 done');
    expect(text(power.querySelector('#postmortem')?.parentNode as HTMLElement)).toContain('✓ Done: Second independent power feed for hall 3');
    expect(text(power.querySelector('#postmortem')?.parentNode as HTMLElement)).toContain('○ Open: Quarterly failover drill');
  });

  it('lists the support contacts while a severe incident is active, and only a plain link once it is long resolved', () => {
    // Resolved on 18 January, more than 7 days before now (10 February).
    expect(power.querySelector('.support')).toBeNull();
    expect(text(power.querySelector('.support-link'))).toBe('Need help? Contact support.');
    expect(power.querySelector('.support-link a')?.getAttribute('href')).toBe('tel:+1-555-0100');
    const cdn = page('/incidents/2025-02-10-cdn/');
    expect(cdn.querySelector('.support a')?.getAttribute('href')).toBe('tel:+1-555-0100');
    expect(cdn.querySelector('.support-link')).toBeNull();
  });

  it('says when an incident moved the month into a tier, and what is not counted', () => {
    const upgrade = text(page('/incidents/2025-02-03-oss-upgrade/').querySelector('#impact')?.parentNode as HTMLElement);
    expect(upgrade).toContain('This incident moved the month into Pro-rated refund');
    expect(upgrade).toContain('99.851%');
    expect(upgrade).toContain('0.148% of the month’s fee for Storage');
    expect(upgrade).toContain('Provisional may change until the month is over');
    expect(upgrade).toContain('Claim this credit for Storage, 2025-02 by 30 Mar 2025.');
    expect(upgrade).toContain('the announced window is not counted');
    const customer = text(page('/incidents/2025-01-31-customer/').querySelector('#impact')?.parentNode as HTMLElement);
    expect(customer).toContain('not counted: customer');
  });

  it('shows an unknown cause as under investigation, and no support box without an outage', () => {
    expect(text(page('/incidents/2025-02-10-cdn/').querySelector('.facts'))).toContain('Cause Under investigation');
    expect(page('/incidents/2025-02-05-notice/').querySelector('.support')).toBeNull();
  });

  it('calls a maintenance that has not started Scheduled, with its announced end, and a finished one Completed', () => {
    const upcoming = page('/incidents/2025-02-20-ecs-maintenance/');
    expect(upcoming.querySelectorAll('.badges > *').map(text)).toEqual(['Scheduled', 'Maintenance']);
    const facts = text(upcoming.querySelector('.facts'));
    expect(facts).toContain('Announced window 2025-02-20 01:00 +08:00 to 2025-02-20 02:00 +08:00');
    expect(facts).toContain('Completed Not yet; announced end 2025-02-20 02:00 +08:00');
    expect(facts).not.toContain('Ongoing');
    expect(text(upcoming.querySelector('#affected')?.parentNode as HTMLElement)).toContain('2025-02-20 02:00 +08:00 (announced)');
    const done = page('/incidents/2025-02-03-oss-upgrade/');
    expect(done.querySelectorAll('.badges > *').map(text)).toEqual(['Completed', 'Maintenance']);
    expect(text(done.querySelector('.facts'))).toContain('Completed 2025-02-03 04:00 +08:00');
    expect(text(done.querySelector('.facts'))).not.toContain('Resolved');
    // The API keeps DESIGN's value: a finished maintenance is `resolved` there.
    expect(build.json('api/v1/incidents.json').incidents.find((entry: { id: string }) => entry.id === '2025-02-03-oss-upgrade').status).toBe('resolved');
    const history = text(page('/history/').querySelector('main'));
    expect(history).toMatch(/Storage upgrade Maintenance Completed/);
    const upcomingCard = text(page('/').querySelector('#upcoming')?.parentNode as HTMLElement);
    expect(upcomingCard).toContain('Scheduled');
    expect(upcomingCard).not.toContain('Under maintenance');
  });

  it('offers the credit estimator, hidden until its script runs', () => {
    const form = power.querySelector('form[data-estimator]');
    expect(form?.hasAttribute('hidden')).toBe(true);
    expect(power.querySelector('[data-credit-percent]')?.getAttribute('data-credit-percent')).toBe(String((100 * 110) / 44640));
  });
});

describe('service page', () => {
  it('shows the monthly SLA report newest first, its incidents and its feed', () => {
    const oss = page('/services/oss/');
    expect(text(oss.querySelector('h1'))).toBe('Storage');
    const months = oss.querySelectorAll('#sla ~ .table-scroll tbody tr, tbody tr').map((row) => text(row.querySelector('th')));
    expect(months).toEqual(['2025-02 Provisional may change until the month is over', '2025-01 Final will not change']);
    const report = text(oss.querySelector('tbody'));
    expect(report).toContain('60 min 99.851% Pro-rated refund 0.148% of the month’s fee for Storage');
    expect(report).toContain('Provisional may change until the month is over');
    expect(oss.querySelector('tbody .claim a')?.getAttribute('href')).toBe(
      'https://support.test/claims/new?service=oss&month=2025-02&incidents=2025-01-31-customer%2C2025-02-03-oss-upgrade',
    );
    expect(oss.querySelectorAll('.incident-list a').map((link) => link.getAttribute('href'))).toEqual([
      '/incidents/2025-02-03-oss-upgrade/',
      '/incidents/2025-01-31-customer/',
      '/incidents/2025-01-18-hangzhou-power/',
    ]);
    expect(oss.querySelector('link[href="https://status.test/services/oss/rss.xml"]')).not.toBeNull();
    expect(oss.querySelectorAll('.uptime-bars > li')).toHaveLength(90);
    expect(oss.querySelectorAll('.uptime-bars span').map(text)).toContain('3 Feb 2025: Under maintenance, 60 min downtime. Storage upgrade');
  });

  it('says when a service has no SLA', () => {
    expect(text(page('/services/console/').querySelector('#sla')?.parentNode as HTMLElement)).toContain('This service has no SLA');
  });
});

describe('SLA page', () => {
  const sla = page('/sla/');
  it('explains each policy: objective, tiers, weights, exclusions and zone', () => {
    const standard = text(sla.querySelector('#policy-standard')?.parentNode as HTMLElement);
    expect(standard).toContain('Objective: 99.95%');
    expect(standard).toContain('Asia/Shanghai');
    expect(standard).toContain('99.95% or more None Nothing is owed');
    expect(standard).toContain('99% to below 99.95% Pro-rated refund');
    expect(standard).toContain('Below 99% Pro-rated refund plus service credit');
    expect(standard).toContain('partial outage 0.3');
    expect(standard).toContain('Impact caused by customer, third party, maintenance and force majeure is not counted.');
    const fixed = text(sla.querySelector('#policy-fixed')?.parentNode as HTMLElement);
    expect(fixed).toContain('UTC');
    expect(fixed).toContain('Below 95% Full credit 100% of the fee');
    expect(fixed).toContain('How to claim To claim a credit, contact support.');
    expect(standard).toContain('How to claim Open a ticket within 30 days after the end of the month');
    expect(standard).toContain('Below 99% Pro-rated refund plus service credit Refund of the unavailable time’s fee (100 × downtime ÷ month minutes) plus 10% of the fee');
  });
  it('reports the recent months of every service with an SLA, one table per policy', () => {
    expect(sla.querySelectorAll('[id^="report-"]').map((heading) => heading.id)).toEqual(['report-standard', 'report-fixed']);
    const table = (sla.querySelector('#report-standard')?.parentNode as HTMLElement).querySelector('table')!;
    expect(table.querySelectorAll('thead th').map(text)).toEqual(['Service', '2025-02', '2025-01', '2024-12', '2024-11', '2024-10', '2024-09']);
    const rows = table.querySelectorAll('tbody tr').map((row) => [row.querySelector('th'), ...row.querySelectorAll('td')].map((cell) => text(cell as HTMLElement)));
    expect(rows[0]!.slice(0, 3)).toEqual(['Compute', '100.000%*', '99.753% Pro-rated refund: 0.246% of the month’s fee Claim this credit for Compute, 2025-01 by 2 Mar 2025.']);
    expect(rows[1]!.slice(0, 3)).toEqual([
      'Storage',
      '99.851%* Pro-rated refund: 0.148% of the month’s fee Claim this credit for Storage, 2025-02 by 30 Mar 2025. The amount may still change: the month’s figures are provisional.',
      '99.986%',
    ]);
    expect(rows[1]!.at(-1)).toBe('100.000%');
  });
});

describe('history', () => {
  it('lists every incident, newest first, by month', () => {
    const history = page('/history/');
    expect(history.querySelectorAll('h2').map(text)).toEqual(['February 2025', 'January 2025']);
    expect(history.querySelectorAll('.incident-list a').map((link) => link.getAttribute('href')!.split('/')[2])).toEqual([
      '2025-02-20-ecs-maintenance',
      '2025-02-10-cdn',
      '2025-02-05-notice',
      '2025-02-03-oss-upgrade',
      '2025-01-31-customer',
      '2025-01-18-api-errors',
      '2025-01-18-hangzhou-power',
    ]);
    expect(page('/history/2025-01/').querySelectorAll('.incident-list li')).toHaveLength(3);
  });
});

describe('feeds', () => {
  const items = (xml: string) =>
    [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, item]) => ({
      title: item!.match(/<title>(.*?)<\/title>/)![1],
      link: item!.match(/<link>(.*?)<\/link>/)![1]!,
      guid: item!.match(/<guid[^>]*>(.*?)<\/guid>/)![1],
      pubDate: item!.match(/<pubDate>(.*?)<\/pubDate>/)![1]!,
      description: item!.match(/<description>([\s\S]*?)<\/description>/)![1]!,
    }));

  it('has one item per update, newest first, with absolute links, RFC 822 dates and unique guids', () => {
    const feed = items(build.read('rss.xml'));
    expect(feed.map((item) => item.title)).toEqual([
      'Identified: CDN errors in Europe',
      'Investigating: CDN errors in Europe',
      'Scheduled: Compute maintenance',
      'Completed: Storage upgrade',
      'In progress: Storage upgrade',
      'Resolved: Customer misconfiguration',
      'Scheduled: Storage upgrade',
      'Resolved: API errors',
      'Resolved: Instances unreachable in Hangzhou zone H',
      'Investigating: API errors',
      'Identified: Instances unreachable in Hangzhou zone H',
      'Investigating: Instances unreachable in Hangzhou zone H',
    ]);
    for (const item of feed) {
      expect(item.link).toMatch(/^https:\/\/status\.test\/incidents\/[a-z0-9-]+\/#update-/);
      expect(item.guid).toBe(item.link);
      expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    }
    expect(new Set(feed.map((item) => item.guid)).size).toBe(feed.length);
    expect(feed[0]!.pubDate).toBe('Sun, 09 Feb 2025 22:30:00 GMT');
    expect(feed[0]!.description).toContain('A faulty edge node.');
    expect(feed[0]!.description).toContain('SLA impact');
  });

  it('has a feed per service with only its incidents’ updates', () => {
    expect(items(build.read('services/cdn/rss.xml')).map((item) => item.title)).toEqual([
      'Identified: CDN errors in Europe',
      'Investigating: CDN errors in Europe',
    ]);
    expect(items(build.read('services/ecs/rss.xml'))).toHaveLength(6);
  });
});

describe('how the content reaches the pages', () => {
  it('leaves the incidents out of the content layer’s data store: the pages take the loader’s read itself', () => {
    // buildSite puts the cache beside the output; the data store would hold every incident with its HTML.
    const store = readFileSync(path.join(build.outDir, '..', 'cache', 'data-store.json'), 'utf8');
    for (const id of ids) expect(store).not.toContain(id);
    expect(page(`/incidents/${ids[0]}/`).querySelector('h1')).not.toBeNull();
  });
});
