/**
 * Credits a customer can rely on (issue 18), as the built pages, feeds and
 * API show them: the `credits` site (credits-fixture.ts), built at
 * 2025-02-10 08:00 in Asia/Shanghai, in English and, under /zh-cn/, Chinese.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { builtSite, readerText as text } from './build-site.ts';
import { CREDITS_FILES } from './credits-fixture.ts';
import { FIXTURE_NOW } from './fixture.ts';
import { chineseWords, fixtureContent, interfaceText, latinWords, writtenTexts } from './interface-words.ts';

const build = builtSite(inject('builds').credits!.outDir);
const page = (path: string): HTMLElement => parse(build.read(`${path.replace(/^\//, '')}index.html`));
/** The cells of the rows of a table: header cell first. */
const cells = (table: HTMLElement | null) => (table?.querySelectorAll('tbody tr') ?? []).map((row) => [row.querySelector('th'), ...row.querySelectorAll('td')].map((cell) => text(cell as HTMLElement)));

describe('corrections, as a customer sees them', () => {
  const corrected = page('/incidents/2025-01-10-compute-errors/');
  const withdrawn = page('/incidents/2024-12-12-mistake/');

  it('shows the Correction in the timeline, and when the incident was corrected among its facts, linked to it', () => {
    const updates = corrected.querySelectorAll('.timeline li');
    expect(text(updates[0]!.querySelector('h3'))).toBe('Correction · 2025-02-05 10:00 +08:00');
    expect(text(updates[0]!.querySelector('.prose'))).toBe('resolved: 2025-01-10 10:30 → 2025-01-10 11:00 The load balancer logged errors until 11:00.');
    expect(text(corrected.querySelector('.facts'))).toContain('Corrected 2025-02-05 10:00 +08:00');
    expect(corrected.querySelector('.facts a')?.getAttribute('href')).toBe(`#${updates[0]!.id}`);
    expect(text(corrected.querySelector('.badges'))).toContain('Resolved');
  });

  it('says beside every month whose figures a correction changed when it was corrected: the incident’s, the service’s and the SLA page’s', () => {
    expect(text(corrected.querySelector('section[aria-labelledby="impact"] td'))).toContain('Corrected on 5 Feb 2025');
    const report = cells(page('/services/ecs/').querySelector('section[aria-labelledby="sla"] table'));
    expect(report.find((row) => row[0]!.startsWith('2025-01'))![0]).toContain('Corrected on 5 Feb 2025');
    expect(report.find((row) => row[0]!.startsWith('2024-11'))![0]).not.toContain('Corrected');
    const matrix = page('/sla/').querySelectorAll('.sla-matrix tbody tr').find((row) => text(row.querySelector('th')) === 'Compute')!;
    expect(text(matrix.querySelector('td[data-label="2025-01"]'))).toContain('Corrected on 5 Feb 2025');
  });

  it('keeps a withdrawn incident’s page to say why, Withdrawn, and its month in the service’s report at 100%, corrected, linking it', () => {
    expect(text(withdrawn.querySelector('.badges'))).toContain('Withdrawn');
    expect(text(withdrawn.querySelector('.withdrawn'))).toBe('Withdrawn by a correction: this incident counts no downtime against any service. The correction in the timeline says why.');
    expect(text(withdrawn.querySelector('.timeline'))).toContain('Posted by mistake: this was a drill.');
    expect(withdrawn.querySelector('#impact')).toBeNull();
    const december = cells(page('/services/oss/').querySelector('section[aria-labelledby="sla"] table')).find((row) => row[0]!.startsWith('2024-12'))!;
    expect(december).toEqual(['2024-12 Final will not change Corrected on 6 Feb 2025', '0 min', '100.000%', 'None', '0.000%', 'Storage outage']);
  });

  it('sends the Correction out like any update: /api/v1 says correction, /api/v2 keeps resolved, the feeds carry it', () => {
    const updates = build.json('api/v1/updates.json').updates as { incident: string; status: string }[];
    expect(updates.filter((entry) => entry.status === 'correction').map((entry) => entry.incident)).toEqual(['2024-12-12-mistake', '2025-01-10-compute-errors']);
    const v2 = (build.json('api/v2/incidents.json').incidents as { id: string; status: string; incident_updates: { status: string }[] }[]).find((entry) => entry.id === '2025-01-10-compute-errors')!;
    expect(v2.status).toBe('resolved');
    expect(v2.incident_updates.map((entry) => entry.status)).toEqual(['resolved', 'resolved']);
    const v1 = (build.json('api/v1/incidents.json').incidents as { id: string; corrected: string | null; withdrawn: boolean }[]).find((entry) => entry.id === '2024-12-12-mistake')!;
    expect(v1).toMatchObject({ corrected: '2025-02-06T01:00:00.000Z', withdrawn: true });
    expect(build.read('rss.xml')).toContain('<title>Correction: Compute errors</title>');
  });
});

describe('since: no data before a service’s records start', () => {
  const fresh = page('/services/fresh/');

  it('draws the days before it as no data, and says when the records start', () => {
    const bars = fresh.querySelectorAll('.uptime-bars > li');
    expect(bars).toHaveLength(90);
    const noData = bars.filter((bar) => bar.classList.contains('no-data'));
    // 13 Nov 2024 to 19 Jan 2025: the 68 days before 20 Jan.
    expect(noData).toHaveLength(68);
    expect(text(noData[0])).toBe('13 Nov 2024: no data');
    expect(text(bars[68])).toBe('20 Jan 2025: no downtime');
    expect(text(fresh.querySelector('section[aria-labelledby="uptime"] .card p:last-child'))).toBe('Records for this service start on 20 Jan 2025: earlier days and months have no data.');
  });

  it('counts its uptime over the days since only', () => {
    // From 20 Jan 00:00 to 10 Feb 08:00: 21 days and 8 hours, 30,720 minutes, of which 43.5 were down.
    const figure = text(fresh.querySelector('section[aria-labelledby="uptime"] .card p.small'));
    expect(figure).toBe('99.858% observed uptime: what users saw, every cause but announced maintenance.');
    const home = page('/').querySelectorAll('.service').find((row) => text(row.querySelector('.name')) === 'Fresh service')!;
    expect(text(home.querySelector('.uptime-figure'))).toBe('99.858% uptime');
  });

  it('shows no data, never 100%, for its months before it on the SLA page', () => {
    const row = page('/sla/').querySelectorAll('.sla-matrix tbody tr').find((entry) => text(entry.querySelector('th')) === 'Fresh service')!;
    expect(row.querySelectorAll('td').map((cell) => [cell.getAttribute('data-label'), text(cell).slice(0, 9)])).toEqual([
      ['2025-02', '99.892%* '],
      ['2025-01', '100.000%'],
      ['2024-12', 'no data'],
      ['2024-11', 'no data'],
      ['2024-10', 'no data'],
      ['2024-09', 'no data'],
    ]);
  });
});

describe('claims that say what they mean', () => {
  it('shows the day a claim period ended, and no link, once it is over', () => {
    const old = page('/incidents/2024-11-05-old-outage/');
    expect(text(old.querySelector('.claim'))).toBe('The claim period ended on 30 Dec 2024.');
    expect(old.querySelector('.claim a')).toBeNull();
    const matrix = page('/sla/').querySelectorAll('.sla-matrix tbody tr').find((row) => text(row.querySelector('th')) === 'Compute')!;
    expect(text(matrix.querySelector('td[data-label="2024-11"] .claim'))).toBe('The claim period ended on 30 Dec 2024.');
  });

  it('says on a provisional month that the amount may still change, beside the link', () => {
    const slow = page('/incidents/2025-02-03-slow-uploads/');
    const claim = slow.querySelector('.claim')!;
    expect(claim.querySelector('a')?.getAttribute('href')).toBe('https://support.test/claims/new?service=oss&month=2025-02&incidents=2025-02-03-slow-uploads');
    // February's claim period: 30 days after the month's end, to 30 March.
    expect(text(claim)).toBe('Claim this credit for Storage, 2025-02 by 30 Mar 2025. The amount may still change: the month’s figures are provisional.');
  });

  it('asks a fee per service, in the site’s currency, and each amount follows its own service’s fee', () => {
    const slow = page('/incidents/2025-02-03-slow-uploads/');
    const form = slow.querySelector('[data-estimator]')!;
    expect(form.getAttribute('data-currency')).toBe('CNY');
    expect(form.querySelectorAll('label').map((label) => [label.getAttribute('for'), text(label)])).toEqual([
      ['fee-oss', 'Your monthly fee for Storage (CNY)'],
      ['fee-fresh', 'Your monthly fee for Fresh service (CNY)'],
    ]);
    expect(slow.querySelectorAll('[data-credit-percent]').map((amount) => amount.getAttribute('data-service'))).toEqual(['oss', 'fresh']);
  });
});

describe('figures that agree', () => {
  it('gives the same span the same minutes on the home page’s bars and on the incident page', () => {
    const storage = page('/').querySelectorAll('.service').find((row) => text(row.querySelector('.name')) === 'Storage')!;
    expect(storage.querySelectorAll('.uptime-bars span').map(text)).toContain('3 Feb: partial outage, 43.5 min, 1 incident');
    const impact = cells(page('/incidents/2025-02-03-slow-uploads/').querySelector('section[aria-labelledby="impact"] table'));
    expect(impact.map((row) => row[2])).toEqual(['43.5 min month: 43.5 min', '43.5 min month: 43.5 min']);
  });

  it('shows an upcoming maintenance’s services as not started, never under maintenance', () => {
    const upgrade = page('/incidents/2025-02-20-compute-upgrade/');
    expect(cells(upgrade.querySelector('section[aria-labelledby="affected"] table'))).toEqual([['Compute', 'Not started', '2025-02-20 01:00 +08:00', '2025-02-20 03:00 +08:00 (announced)']]);
  });

  it('joins a list in a sentence with the language’s conjunction', () => {
    expect(text(page('/sla/').querySelector('.policy ul'))).toContain('Impact caused by customer, third party, maintenance and force majeure is not counted.');
  });
});

describe('the same credits in the Chinese edition', () => {
  const zh = (path: string) => page(`/zh-cn${path}`);

  it('shows a translated Correction in Chinese, and an untranslated one in English, marked, in its own language', () => {
    const corrected = zh('/incidents/2025-01-10-compute-errors/');
    const update = corrected.querySelectorAll('.timeline li')[0]!;
    expect(text(update.querySelector('h3'))).toBe('更正 · 2025-02-05 10:00 +08:00');
    expect(text(update.querySelector('.prose'))).toBe('resolved: 2025-01-10 10:30 → 2025-01-10 11:00 负载均衡器的错误一直记录到 11:00。');
    expect(text(corrected.querySelector('.facts'))).toContain('更正于 2025-02-05 10:00 +08:00');
    expect(text(corrected.querySelector('section[aria-labelledby="impact"] td'))).toContain('已于 2025年2月5日 更正');
    const withdrawn = zh('/incidents/2024-12-12-mistake/');
    expect(text(withdrawn.querySelector('.badges'))).toContain('已撤回');
    expect(text(withdrawn.querySelector('.withdrawn'))).toBe('已由更正撤回：本事件不计入任何服务的不可用时间。原因见时间线中的更正。');
    const correction = withdrawn.querySelectorAll('.timeline li')[0]!;
    expect(correction.querySelector('.prose')!.getAttribute('lang')).toBe('en');
    expect(text(correction)).toContain('（尚未翻译）');
  });

  it('says no data before since, when the records start, and the same uptime, in Chinese', () => {
    const fresh = zh('/services/fresh/');
    const bars = fresh.querySelectorAll('.uptime-bars > li');
    expect(text(bars[0])).toBe('2024年11月13日：无数据');
    expect(text(bars[68])).toBe('2025年1月20日：无不可用');
    expect(text(fresh.querySelector('section[aria-labelledby="uptime"] .card p:last-child'))).toBe('此服务的记录始于 2025年1月20日：之前的日期和月份没有数据。');
    expect(text(fresh.querySelector('section[aria-labelledby="uptime"] .card p.small'))).toBe('实际可用率 99.858%：用户看到的情况，除已公告的维护外所有原因都计入。');
    const row = zh('/sla/').querySelectorAll('.sla-matrix tbody tr').find((entry) => text(entry.querySelector('th')) === 'Fresh service')!;
    expect(row.querySelectorAll('td').map((cell) => text(cell)).slice(2)).toEqual(['无数据', '无数据', '无数据', '无数据']);
  });

  it('says a claim period ended, that a provisional amount may change, and asks each fee in the currency, in Chinese', () => {
    expect(text(zh('/incidents/2024-11-05-old-outage/').querySelector('.claim'))).toBe('申请期限已于 2024年12月30日 结束。');
    const slow = zh('/incidents/2025-02-03-slow-uploads/');
    expect(text(slow.querySelector('.claim'))).toBe('请于 2025年3月30日 前 申请赔付 （Storage，2025-02） 。 金额仍可能变化：当月数字是暂定的。');
    const form = slow.querySelector('[data-estimator]')!;
    expect([form.getAttribute('data-currency'), form.getAttribute('data-locale')]).toEqual(['CNY', 'zh-CN']);
    expect(form.querySelectorAll('label').map((label) => text(label))).toEqual(['您在 Storage 上的月费（CNY）', '您在 Fresh service 上的月费（CNY）']);
  });

  it('joins a list as Chinese joins it, and sends the Correction in the Chinese feed with the month corrected', () => {
    expect(text(zh('/sla/').querySelector('.policy ul'))).toContain('由客户、第三方、维护和不可抗力造成的影响不计入。');
    const rss = build.read('zh-cn/rss.xml');
    expect(rss).toContain('<title>更正：计算服务错误</title>');
    expect(rss).toContain('已于 2025年2月5日 更正');
  });

  /** Every page of the site, as its path under the root. */
  const files = (under = ''): string[] =>
    readdirSync(path.join(build.outDir, under)).flatMap((name) => {
      const relative = under ? `${under}/${name}` : name;
      return statSync(path.join(build.outDir, relative)).isDirectory() ? files(relative) : [relative];
    });
  const pages = files().filter((file) => file.endsWith('.html') && file !== '404.html' && !file.startsWith('zh-cn/'));
  const written = writtenTexts(fixtureContent(CREDITS_FILES, FIXTURE_NOW * 1000));

  it.each(pages)('%s speaks only its own language in both editions: every word the credits added is in both catalogs', (file) => {
    expect(chineseWords(interfaceText(parse(build.read(file)), written)), file).toEqual([]);
    expect(latinWords(interfaceText(parse(build.read(`zh-cn/${file}`)), written)), `zh-cn/${file}`).toEqual([]);
  });
});
