import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { builtSite } from './build-site.ts';
import { FIXTURE_FILES } from './fixture.ts';
import { HOSTILE_SERVICE, RTL_SERVICE } from './sites.ts';

const build = builtSite(inject('builds').fixture!.outDir);

const JANUARY = 31 * 1440;
const FEBRUARY = 28 * 1440;

describe('/api/v1/incidents.json', () => {
  const incident = (id: string) => build.json('api/v1/incidents.json').incidents.find((entry: { id: string }) => entry.id === id);

  it('lists every incident file once, newest first, generated at SOURCE_DATE_EPOCH', () => {
    const api = build.json('api/v1/incidents.json');
    expect(api.generatedAt).toBe('2025-02-10T00:00:00.000Z');
    expect(api.incidents.map((entry: { id: string }) => entry.id)).toEqual([
      '2025-02-20-ecs-maintenance',
      '2025-02-10-cdn',
      '2025-02-05-notice',
      '2025-02-03-oss-upgrade',
      '2025-01-31-customer',
      '2025-01-18-api-errors',
      '2025-01-18-hangzhou-power',
    ]);
    expect(api.incidents).toHaveLength(Object.keys(FIXTURE_FILES).length);
  });

  it("gives DESIGN's example its own minutes and the month's figures with the overlapping incident counted once", () => {
    const power = incident('2025-01-18-hangzhou-power');
    expect(power).toMatchObject({
      title: 'Instances unreachable in Hangzhou zone H',
      kind: 'incident',
      cause: 'platform',
      status: 'resolved',
      started: '2025-01-17T18:11:00.000Z',
      resolved: '2025-01-17T19:40:00.000Z',
      url: 'https://status.test/incidents/2025-01-18-hangzhou-power/',
    });
    const [ecs, oss] = power.impacts;
    expect(ecs).toMatchObject({ service: 'ecs', level: 'major-outage', from: '2025-01-17T18:11:00.000Z', to: '2025-01-17T19:40:00.000Z', eligible: true });
    expect(ecs.months).toHaveLength(1);
    const month = ecs.months[0];
    expect(month).toMatchObject({ month: '2025-01', minutes: 89, monthMinutes: 110, tier: 'prorated', tierWithout: 'prorated', final: true });
    expect(month.availability).toBeCloseTo((100 * (JANUARY - 110)) / JANUARY, 12);
    expect(month.creditPercent).toBeCloseTo((100 * 110) / JANUARY, 12);
    expect(oss.months[0]).toMatchObject({ month: '2025-01', minutes: 6, monthMinutes: 6, tier: null, creditPercent: 0, tierWithout: null });
  });

  it('says the smaller overlapping incident did not move the month', () => {
    const month = incident('2025-01-18-api-errors').impacts[0].months[0];
    expect(month).toMatchObject({ minutes: 30, monthMinutes: 110, tier: 'prorated', tierWithout: 'prorated' });
  });

  it('splits a window crossing midnight on the 1st and counts nothing for a customer cause', () => {
    const [impact] = incident('2025-01-31-customer').impacts;
    expect(impact).toMatchObject({ service: 'oss', eligible: false });
    expect(impact).not.toHaveProperty('cause');
    expect(impact.months.map((month: { month: string; minutes: number }) => [month.month, month.minutes])).toEqual([
      ['2025-01', 0],
      ['2025-02', 0],
    ]);
  });

  it('gives a maintenance one impact per service whose own minutes are the overrun', () => {
    const upgrade = incident('2025-02-03-oss-upgrade');
    expect(upgrade.kind).toBe('maintenance');
    expect(upgrade.scheduled).toEqual({ from: '2025-02-02T17:00:00.000Z', to: '2025-02-02T19:00:00.000Z' });
    expect(upgrade.impacts).toHaveLength(1);
    expect(upgrade.impacts[0]).toMatchObject({ service: 'oss', level: 'under-maintenance', from: '2025-02-02T17:00:00.000Z', to: '2025-02-02T20:00:00.000Z', eligible: true });
    const overrun = upgrade.impacts[0].months[0];
    expect(overrun).toMatchObject({ month: '2025-02', minutes: 60, monthMinutes: 60, tier: 'prorated', tierWithout: null, final: false });
    expect(overrun.creditPercent).toBeCloseTo((100 * 60) / FEBRUARY, 12);
  });

  it('ends an ongoing incident at now, provisionally, under each service’s policy', () => {
    const cdn = incident('2025-02-10-cdn');
    expect(cdn).toMatchObject({ status: 'identified', resolved: null, cause: null });
    const [onCdn, onConsole] = cdn.impacts;
    expect(onCdn).toMatchObject({ service: 'cdn', level: 'partial-outage', to: null, eligible: true });
    // 120 min at 0.3 = 36 weighted minutes in February (UTC): 99.9107%, the 10% fixed credit.
    expect(onCdn.months).toEqual([
      expect.objectContaining({ month: '2025-02', minutes: 36, monthMinutes: 36, tier: 'tenth', creditPercent: 10, tierWithout: null, final: false }),
    ]);
    expect(onConsole).toMatchObject({ service: 'console', eligible: false, months: [] });
  });

  it('lists an upcoming maintenance with one impact per service and no months, and a notice with no impact', () => {
    expect(incident('2025-02-20-ecs-maintenance')).toMatchObject({
      status: 'scheduled',
      services: ['ecs'],
      impacts: [{ service: 'ecs', level: 'under-maintenance', from: '2025-02-19T17:00:00.000Z', to: null, eligible: false, months: [] }],
    });
    expect(incident('2025-02-05-notice')).toMatchObject({ kind: 'notice', status: 'active', impacts: [] });
  });
});

describe('/api/v1/availability.json', () => {
  it('reports every service month with any impact', () => {
    const api = build.json('api/v1/availability.json');
    expect(api.generatedAt).toBe('2025-02-10T00:00:00.000Z');
    const byId = Object.fromEntries(api.services.map((service: { id: string }) => [service.id, service]));
    expect(Object.keys(byId)).toEqual(['ecs', 'oss', 'cdn', 'console']);
    expect(byId.ecs.policy).toBe('standard');
    expect(byId.ecs.months).toEqual([
      {
        month: '2025-01',
        minutes: 110,
        availability: (100 * (JANUARY - 110)) / JANUARY,
        tier: 'prorated',
        creditPercent: (100 * 110) / JANUARY,
        final: true,
        incidents: ['2025-01-18-hangzhou-power', '2025-01-18-api-errors'],
        corrected: null,
      },
    ]);
    expect(byId.oss.months.map((month: { month: string; minutes: number; final: boolean; incidents: string[] }) => [month.month, month.minutes, month.final, month.incidents])).toEqual([
      ['2025-01', 6, true, ['2025-01-18-hangzhou-power', '2025-01-31-customer']],
      ['2025-02', 60, false, ['2025-01-31-customer', '2025-02-03-oss-upgrade']],
    ]);
    expect(byId.cdn).toMatchObject({ policy: 'fixed', months: [expect.objectContaining({ month: '2025-02', minutes: 36, tier: 'tenth', creditPercent: 10 })] });
    expect(byId.console).toEqual({ id: 'console', policy: null, since: null, months: [] });
  });
});

describe('/api/v1/availability.csv and /services/<id>/sla.csv', () => {
  /** Reads CSV as a finance tool would: RFC 4180, CRLF, the header row naming the columns. */
  const readCsv = (text: string): Record<string, string>[] => parseCsv(text, { columns: true, record_delimiter: '\r\n' });
  const json = build.json('api/v1/availability.json');
  const names: Record<string, string> = { ecs: 'Compute', oss: 'Storage', cdn: 'CDN', console: 'Console' };
  const expected = json.services.flatMap((service: { id: string; policy: string; months: Record<string, unknown>[] }) =>
    service.months.map((month) => ({
      service: service.id,
      name: names[service.id],
      policy: service.policy,
      month: month.month,
      downtime_minutes: month.minutes,
      availability: month.availability,
      tier: month.tier ?? '',
      credit_percent: month.creditPercent,
      final: String(month.final),
      incidents: (month.incidents as string[]).join(' '),
    })),
  );
  const asJson = (row: Record<string, string>) => ({
    ...row,
    downtime_minutes: Number(row.downtime_minutes),
    availability: Number(row.availability),
    credit_percent: Number(row.credit_percent),
  });

  it('has a header row and one row per service-month of availability.json, every figure as the JSON has it', () => {
    const text = build.read('api/v1/availability.csv');
    expect(text.split('\r\n')[0]).toBe('service,name,policy,month,downtime_minutes,availability,tier,credit_percent,final,incidents');
    const rows = readCsv(text);
    expect(rows.map(asJson)).toEqual(expected);
    // Full precision: January on ecs is 110 of 44,640 minutes, written as JavaScript writes the number.
    expect(rows.find((row) => row.service === 'ecs' && row.month === '2025-01')!.availability).toBe(String((100 * (44640 - 110)) / 44640));
  });

  it('has each service’s own rows in its file, linked from its page and the SLA page', () => {
    for (const id of Object.keys(names)) {
      expect(readCsv(build.read(`services/${id}/sla.csv`)).map(asJson)).toEqual(expected.filter((row: { service: string }) => row.service === id));
    }
    expect(parseHtml(build.read('services/oss/index.html')).querySelector('a[href="/services/oss/sla.csv"]')).not.toBeNull();
    expect(parseHtml(build.read('sla/index.html')).querySelector('a[href="/api/v1/availability.csv"]')).not.toBeNull();
  });

  it('writes hostile and right-to-left names as the text they are', () => {
    const hostile = builtSite(inject('builds').hostile!.outDir);
    const rows = readCsv(hostile.read('api/v1/availability.csv'));
    expect(rows.map((row) => row.name)).toContain(HOSTILE_SERVICE);
    expect(readCsv(hostile.read('services/store/sla.csv')).every((row) => row.name === RTL_SERVICE)).toBe(true);
  });
});

describe('/api/v1/summary.json', () => {
  it('gives the overall status, each service’s status and the active incidents', () => {
    const api = build.json('api/v1/summary.json');
    expect(api.status).toBe('partial-outage');
    expect(api.services.map((service: { id: string; status: string }) => [service.id, service.status])).toEqual([
      ['ecs', 'operational'],
      ['oss', 'operational'],
      ['cdn', 'partial-outage'],
      ['console', 'partial-outage'],
    ]);
    expect(api.activeIncidents.map((entry: { id: string }) => entry.id)).toEqual(['2025-02-10-cdn', '2025-02-05-notice']);
    expect(api.activeIncidents[0]).toMatchObject({ status: 'identified', level: 'partial-outage', url: 'https://status.test/incidents/2025-02-10-cdn/' });
    expect(api.upcomingMaintenance.map((entry: { id: string }) => entry.id)).toEqual(['2025-02-20-ecs-maintenance']);
  });
});

describe('pages', () => {
  it('builds one page per incident file', () => {
    for (const file of Object.keys(FIXTURE_FILES)) {
      const id = file.replace(/^.*\//, '').replace(/\.md$/, '');
      expect(build.read(`incidents/${id}/index.html`)).toContain('<h1');
    }
    expect(build.read('index.html')).toContain('Partial outage');
  });
});

describe('a content mistake', () => {
  it('stops the build with path:line: what; fix', () => {
    const failed = inject('builds').broken!;
    expect(failed.ok).toBe(false);
    expect(failed.output).toMatch(/incidents\/bad\.md:4: unknown service 'ecss'; did you mean 'ecs'\?/);
  });
});
