import { describe, expect, it } from 'vitest';
import { resolveContent, type ContentFiles } from '../../src/contract/load-content.ts';
import { formatProblem } from '../../src/contract/problems.ts';
import { SERVICES_YAML, SITE_YAML, SLA_YAML } from '../builders.ts';

function resolve(overrides: Partial<ContentFiles>) {
  return resolveContent({ dir: 'content', site: SITE_YAML, services: SERVICES_YAML, sla: SLA_YAML, incidents: [], others: [], ...overrides }, Date.parse('2026-01-01T00:00:00Z'));
}

function problems(overrides: Partial<ContentFiles>): string[] {
  return resolve(overrides).problems.map(formatProblem);
}

describe('site.yaml, services.yaml and sla.yaml', () => {
  it('resolve the test content with defaults filled in', () => {
    const { content, problems: found } = resolve({});
    expect(found).toEqual([]);
    expect(content.site).toMatchObject({ url: 'https://status.test', timeZone: 'Asia/Shanghai', feedItems: 50 });
    expect(content.services.map((service) => [service.id, service.sla])).toEqual([
      ['ecs', 'standard'],
      ['oss', 'standard'],
      ['cdn', 'fixed'],
      ['console', null],
    ]);
    const fixed = content.policies.find((policy) => policy.id === 'fixed')!;
    expect(fixed.tiers.map((tier) => [tier.id, tier.below, tier.prorated])).toEqual([
      ['full', 95, false],
      ['quarter', 99, false],
      ['tenth', 99.99, false],
    ]);
    expect(fixed.weights).toEqual({ 'major-outage': 1, 'partial-outage': 0.3, 'degraded-performance': 0, 'under-maintenance': 1 });
    expect(fixed.timeZone).toBe('UTC');
    expect(content.policies[0]!.excludedCauses).toEqual(['customer', 'third-party', 'maintenance', 'force-majeure']);
  });

  it('reads services.yaml and sla.yaml that start with a byte order mark', () => {
    expect(problems({ services: `\uFEFF${SERVICES_YAML}`, sla: `\uFEFF${SLA_YAML}` })).toEqual([]);
  });

  it('takes an explicitly empty list of excluded causes as excluding nothing', () => {
    const { content } = resolve({ sla: SLA_YAML.replace('excludedCauses: [customer, third-party, maintenance, force-majeure]', 'excludedCauses: []') });
    expect(content.policies[0]!.excludedCauses).toEqual([]);
  });

  it.each([
    {
      mistake: 'a bad site time zone',
      files: { site: SITE_YAML.replace('Asia/Shanghai', 'Asia/Shang_hai') },
      expected: "content/site.yaml:4: unknown time zone 'Asia/Shang_hai'; use an IANA zone such as Asia/Shanghai, Europe/Berlin or UTC",
    },
    {
      mistake: 'a relative site url',
      files: { site: SITE_YAML.replace('https://status.test', 'status.test') },
      expected: "content/site.yaml:3: 'url' is not an absolute http(s) address: 'status.test'; write the public address, e.g. https://status.example.com",
    },
    {
      mistake: 'an unsafe support link',
      files: { site: SITE_YAML.replace('tel:+1-555-0100', 'javascript:alert(1)') },
      expected: "content/site.yaml:7: support link 'javascript:alert(1)' is not an http(s), mailto or tel address; use https://…, mailto:… or tel:…",
    },
    {
      mistake: 'a duplicate service id',
      files: { services: `${SERVICES_YAML}- id: ecs\n  name: Again\n` },
      expected: "content/services.yaml:15: service id 'ecs' is already used on line 1; give each service its own id",
    },
    {
      mistake: 'a service id that cannot be a URL',
      files: { services: SERVICES_YAML.replace('- id: oss', '- id: OSS Storage') },
      expected: "content/services.yaml:4: service id 'OSS Storage' cannot be used in a URL; use lowercase letters, digits and single dashes, e.g. ecs-hangzhou",
    },
    {
      mistake: 'a service pointing to a missing policy',
      files: { services: SERVICES_YAML.replace('sla: fixed', 'sla: fixd') },
      expected: "content/services.yaml:10: unknown SLA policy 'fixd'; did you mean 'fixed'? (policies are in sla.yaml)",
    },
    {
      mistake: 'a service with no name',
      files: { services: '- id: ecs\n' },
      expected: "content/services.yaml:1: 'name' is missing; add a line `name: …`",
    },
    {
      mistake: 'a policy whose tiers overlap',
      files: { sla: SLA_YAML.replace('below: 99\n', 'below: 99.95\n') },
      expected: "content/sla.yaml:19: tiers 'prorated' and 'prorated-plus' overlap: both apply below 99.95%; give each tier its own `below` threshold",
    },
    {
      mistake: 'a bad policy time zone',
      files: { sla: SLA_YAML.replace('timeZone: UTC', 'timeZone: Mars/Olympus') },
      expected: "content/sla.yaml:24: unknown time zone 'Mars/Olympus'; use an IANA zone such as Asia/Shanghai, Europe/Berlin or UTC",
    },
    {
      mistake: 'an unknown level in weights',
      files: { sla: SLA_YAML.replace('degraded-performance: 0', 'degraded: 0') },
      expected: "content/sla.yaml:8: unknown level 'degraded' in weights; use one of: under-maintenance, degraded-performance, partial-outage, major-outage",
    },
    {
      mistake: 'a weight above 1',
      files: { sla: SLA_YAML.replace('partial-outage: 0.3', 'partial-outage: 30') },
      expected: "content/sla.yaml:7: 'partial-outage' is 30, outside 0 to 1; use a number from 0 to 1",
    },
    {
      mistake: 'an unknown excluded cause',
      files: { sla: SLA_YAML.replace('force-majeure]', 'force-majuere]') },
      expected: "content/sla.yaml:9: unknown cause 'force-majuere' in excludedCauses (entry 4); did you mean 'force-majeure'?",
    },
    {
      mistake: 'an objective written as text',
      files: { sla: SLA_YAML.replace('objective: 99.95', 'objective: 99.95%') },
      expected: "content/sla.yaml:4: 'objective' should be a number from 0 to 100, found '99.95%'; write a number from 0 to 100 without quotes or a % sign",
    },
    {
      mistake: 'a time zone abbreviation that Intl would read as another zone',
      files: { site: SITE_YAML.replace('Asia/Shanghai', 'CST') },
      expected: "content/site.yaml:4: unknown time zone 'CST'; use an IANA zone such as Asia/Shanghai, Europe/Berlin or UTC",
    },
    {
      mistake: 'a time zone in the wrong case',
      files: { site: SITE_YAML.replace('Asia/Shanghai', 'asia/shanghai') },
      expected: "content/site.yaml:4: unknown time zone 'asia/shanghai'; use an IANA zone such as Asia/Shanghai, Europe/Berlin or UTC",
    },
    {
      mistake: 'an empty list of excluded causes',
      files: { sla: SLA_YAML.replace('excludedCauses: [customer, third-party, maintenance, force-majeure]', 'excludedCauses:') },
      expected: "content/sla.yaml:9: 'excludedCauses' is empty; write its value after the colon, or remove the line to use the default",
    },
    {
      mistake: 'a missing sla.yaml',
      files: { sla: undefined },
      expected: "content/sla.yaml:1: the file is missing; create it with at least one policy ('- id: standard' …), or give every service 'sla: none'",
    },
    {
      mistake: 'a missing site.yaml',
      files: { site: undefined },
      expected: 'content/site.yaml:1: the file is missing; create it with title, url and timeZone',
    },
    {
      mistake: 'a missing services.yaml',
      files: { services: undefined },
      expected: "content/services.yaml:1: the file is missing; create it with one '- id: …' entry per service",
    },
  ])('report $mistake', ({ files, expected }) => {
    expect(problems(files)).toEqual([expected]);
  });
});

describe('since and currency (issue 18, items 2 and 3)', () => {
  it('reads a service’s since as local midnight in the site’s zone, and gives the others the site’s', () => {
    const { content, problems: found } = resolve({
      site: `${SITE_YAML}since: 2024-12-01 08:00\ncurrency: cny\n`,
      services: SERVICES_YAML.replace('- id: oss\n', '- id: oss\n  since: 2025-01-15\n'),
    });
    expect(found).toEqual([]);
    expect(content.site.currency).toBe('CNY');
    expect(content.services.map((service) => [service.id, service.since && new Date(service.since).toISOString()])).toEqual([
      ['ecs', '2024-12-01T00:00:00.000Z'],
      ['oss', '2025-01-14T16:00:00.000Z'],
      ['cdn', '2024-12-01T00:00:00.000Z'],
      ['console', '2024-12-01T00:00:00.000Z'],
    ]);
  });

  it('leaves since and currency out when site.yaml does not set them', () => {
    const { content } = resolve({});
    expect(content.site.currency).toBeUndefined();
    expect(content.services.every((service) => service.since === undefined)).toBe(true);
  });

  it.each([
    [{ site: `${SITE_YAML}currency: yuan\n` }, "content/site.yaml:8: 'currency' is not an ISO 4217 currency code: 'yuan'; write the three-letter code, e.g. CNY, USD or EUR"],
    [{ site: `${SITE_YAML}currency: ABC\n` }, "content/site.yaml:8: 'currency' is not an ISO 4217 currency code: 'ABC'; write the three-letter code, e.g. CNY, USD or EUR"],
    [{ site: `${SITE_YAML}since: last year\n` }, "content/site.yaml:8: 'since' is not a date: 'last year'; write the day the records start, e.g. 2026-03-01 (midnight in Asia/Shanghai), or a time YYYY-MM-DD HH:mm"],
    [{ services: SERVICES_YAML.replace('- id: oss\n', '- id: oss\n  since: 2025-02-30\n') }, "content/services.yaml:5: 'since' is not a date: '2025-02-30'; write the day the records start, e.g. 2026-03-01 (midnight in Asia/Shanghai), or a time YYYY-MM-DD HH:mm"],
    [{ site: `${SITE_YAML}since: 1969-12-31\n` }, "content/site.yaml:8: 'since' is in the year 1969, before 1970; check the year and the offset: it is likely a typo (times start at 1970-01-01 00:00 UTC)"],
    [{ services: SERVICES_YAML.replace('- id: oss\n', '- id: oss\n  since: 1970-01-01\n') }, "content/services.yaml:5: 'since' is 1969-12-31 16:00 UTC, before 1970; check the year and the offset: it is likely a typo (times start at 1970-01-01 00:00 UTC)"],
  ])('refuses %j with its line', (files, expected) => {
    expect(problems(files)).toEqual([expected]);
  });
});
