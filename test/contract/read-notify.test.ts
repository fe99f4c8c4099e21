import { describe, expect, it } from 'vitest';
import { resolveContent } from '../../src/contract/load-content.ts';
import { formatProblem } from '../../src/contract/problems.ts';
import { SERVICES_YAML, SITE_YAML, SLA_YAML } from '../builders.ts';

/** Now for these tests: after every time they write. */
const NOW = Date.parse('2026-01-01T00:00:00Z');

function resolve(notify: string | undefined) {
  return resolveContent({ dir: 'content', site: SITE_YAML, services: SERVICES_YAML, sla: SLA_YAML, notify, incidents: [], others: [] }, NOW);
}

function problems(notify: string): string[] {
  return resolve(notify).problems.map(formatProblem);
}

const DESIGN_NOTIFY = `- id: ops
  type: slack
  url: env:SLACK_WEBHOOK_URL
  services: [ecs]
- id: partners
  type: webhook
  url: env:PARTNER_HOOK_URL
  secret: env:PARTNER_HOOK_SECRET
- id: customers
  type: email
  to: status-subscribers@example.com
  from: Example Cloud Status <status@example.com>
  smtp: env:SMTP_URL
`;

describe('notify.yaml', () => {
  it('is optional: without it there are no channels and no problems', () => {
    expect(resolve(undefined)).toMatchObject({ problems: [], notify: [] });
    expect(resolve('# no channels yet\n')).toMatchObject({ problems: [], notify: [] });
  });

  it("reads DESIGN's example into channels that name their secrets' variables, never their values", () => {
    const { problems: found, notify } = resolve(DESIGN_NOTIFY);
    expect(found).toEqual([]);
    expect(notify).toEqual([
      { id: 'ops', type: 'slack', locale: 'en', services: ['ecs'], where: 'content/notify.yaml:1', url: { env: 'SLACK_WEBHOOK_URL', where: 'content/notify.yaml:3' } },
      {
        id: 'partners', type: 'webhook', locale: 'en', services: null, where: 'content/notify.yaml:5',
        url: { env: 'PARTNER_HOOK_URL', where: 'content/notify.yaml:7' },
        secret: { env: 'PARTNER_HOOK_SECRET', where: 'content/notify.yaml:8' },
      },
      {
        id: 'customers', type: 'email', locale: 'en', services: null, where: 'content/notify.yaml:9',
        to: ['status-subscribers@example.com'], from: 'Example Cloud Status <status@example.com>',
        smtp: { env: 'SMTP_URL', where: 'content/notify.yaml:13' }, unsubscribe: [],
      },
    ]);
  });

  it('takes several recipients and List-Unsubscribe addresses for email', () => {
    const { problems: found, notify } = resolve(`- id: mail
  type: email
  to: [a@example.com, B <b@example.com>]
  from: status@example.com
  smtp: env:SMTP_URL
  unsubscribe: [mailto:leave@example.com?subject=unsubscribe, https://example.com/unsubscribe]
`);
    expect(found).toEqual([]);
    expect(notify[0]).toMatchObject({ to: ['a@example.com', 'B <b@example.com>'], unsubscribe: ['mailto:leave@example.com?subject=unsubscribe', 'https://example.com/unsubscribe'] });
  });

  it.each([
    ['an unknown type, with the closest', '- id: a\n  type: slak\n  url: env:A\n', "content/notify.yaml:2: unknown channel type 'slak'; did you mean 'slack'?"],
    ['a missing type', '- id: a\n  url: env:A\n', "content/notify.yaml:1: 'type' is missing; add a line `type: …`"],
    ['an unknown field, with the closest', '- id: a\n  type: slack\n  url: env:A\n  servics: [ecs]\n', "content/notify.yaml:4: unknown field 'servics' in a slack channel; did you mean 'services'?"],
    ["a field of another type", '- id: a\n  type: slack\n  url: env:A\n  secret: env:B\n', "content/notify.yaml:4: unknown field 'secret' in a slack channel; use one of: id, type, services, locale, url"],
    ['an unknown service, with the closest id', '- id: a\n  type: slack\n  url: env:A\n  services: [ecs, osss]\n', "content/notify.yaml:4: unknown service 'osss'; did you mean 'oss'? (services are in services.yaml)"],
    ['an unknown service far from any id', '- id: a\n  type: slack\n  url: env:A\n  services:\n    - ecs\n    - database\n', "content/notify.yaml:6: unknown service 'database'; the closest known id is 'ecs' (services are in services.yaml)"],
    ['an empty service filter', '- id: a\n  type: slack\n  url: env:A\n  services: []\n', "content/notify.yaml:4: 'services' is an empty list: the channel would never be sent anything; list service ids, or remove the line to send every update"],
    ['a missing url', '- id: a\n  type: discord\n', "content/notify.yaml:1: 'url' is missing; add a line `url: …`"],
    ['a malformed env: name', '- id: a\n  type: teams\n  url: env:TEAMS-URL\n', "content/notify.yaml:3: 'url' does not name an environment variable: 'env:TEAMS-URL'; write env: and a name of letters, digits and underscores, with no space, e.g. env:A_URL"],
    ['an env: with a space', '- id: a\n  type: teams\n  url: "env: TEAMS_URL"\n', "content/notify.yaml:3: 'url' does not name an environment variable: 'env: TEAMS_URL'; write env: and a name of letters, digits and underscores, with no space, e.g. env:A_URL"],
    ['an email channel without to', '- id: mail\n  type: email\n  from: s@example.com\n  smtp: env:SMTP_URL\n', "content/notify.yaml:1: 'to' is missing; add a line `to: …`"],
    ['an email channel without from', '- id: mail\n  type: email\n  to: s@example.com\n  smtp: env:SMTP_URL\n', "content/notify.yaml:1: 'from' is missing; add a line `from: …`"],
    ['an email channel without smtp', '- id: mail\n  type: email\n  to: s@example.com\n  from: s@example.com\n', "content/notify.yaml:1: 'smtp' is missing; add a line `smtp: …`"],
    ['an address that is not one', '- id: mail\n  type: email\n  to: [ok@example.com, subscribers]\n  from: s@example.com\n  smtp: env:SMTP_URL\n', "content/notify.yaml:3: 'to' has an address that is not one: 'subscribers'; write name@example.com, or Name <name@example.com>"],
    ['an unsubscribe address of another scheme', '- id: mail\n  type: email\n  to: a@example.com\n  from: s@example.com\n  smtp: env:SMTP_URL\n  unsubscribe: http://example.com/u\n', "content/notify.yaml:6: 'unsubscribe' is not a mailto: or https: address: 'http://example.com/u'; write e.g. mailto:status-unsubscribe@example.com or https://example.com/unsubscribe"],
    ['a duplicate id', '- id: a\n  type: slack\n  url: env:A\n- id: a\n  type: discord\n  url: env:B\n', "content/notify.yaml:4: channel id 'a' is already used on line 1; give each channel its own id"],
    ['an id that is not plain', '- id: Ops Team\n  type: slack\n  url: env:A\n', "content/notify.yaml:1: channel id 'Ops Team' is not a plain id; use lowercase letters, digits and single dashes, e.g. ecs-hangzhou"],
    ['a file that is not a list', 'id: a\ntype: slack\n', "content/notify.yaml:1: notify.yaml is not a list of channels; start each channel with '- id: …' and 'type: slack' (or discord, teams, webhook, email)"],
  ])('reports %s with its line and a fix', (_, yaml, message) => {
    expect(problems(yaml)).toEqual([message]);
  });

  it.each([
    ['a Slack webhook address', 'slack', 'url', 'https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX', 'env:OPS_URL'],
    ['a webhook signing secret', 'webhook', 'secret', 'hunter2-signing-secret', 'env:OPS_SECRET'],
    ['an SMTP address with a password', 'email', 'smtp', 'smtps://user:p4ssw0rd@smtp.example.com:465', 'env:OPS_SMTP_URL'],
  ])('refuses %s written out, without repeating it', (_, type, key, value, suggested) => {
    const lines = [`- id: ops`, `  type: ${type}`];
    if (type === 'email') lines.push('  to: a@example.com', '  from: s@example.com');
    if (key !== 'url' && type !== 'email') lines.push('  url: env:HOOK_URL');
    lines.push(`  ${key}: "${value}"`);
    const found = problems(`${lines.join('\n')}\n`);
    expect(found).toEqual([
      `content/notify.yaml:${lines.length}: '${key}' is written out in notify.yaml: it is a secret and must not be in git; keep it in an environment variable (a CI secret), write '${key}: ${suggested}', and replace the secret, since git history keeps it`,
    ]);
    expect(found.join('\n')).not.toContain(value);
  });

  it('lists every mistake of every channel in one run, and keeps no channel that has one', () => {
    const { problems: found, notify } = resolve('- id: a\n  type: slak\n- id: b\n  type: webhook\n  url: https://x.example/hook\n- id: c\n  type: slack\n  url: env:C\n');
    expect(found.map((problem) => problem.line)).toEqual([2, 5]);
    expect(notify.map((channel) => channel.id)).toEqual(['c']);
  });
});

describe('websubHub in site.yaml', () => {
  const site = (line: string) => resolveContent({ dir: 'content', site: `${SITE_YAML}${line}\n`, services: SERVICES_YAML, sla: SLA_YAML, incidents: [], others: [] }, NOW);

  it('is optional, and read as the hub address when given', () => {
    expect(site('').content.site.websubHub).toBeUndefined();
    expect(site('websubHub: https://pubsubhubbub.appspot.com/').content.site.websubHub).toBe('https://pubsubhubbub.appspot.com/');
  });

  it('reports an address that is not absolute http(s)', () => {
    expect(site('websubHub: hub.example.com').problems.map(formatProblem)).toEqual([
      "content/site.yaml:8: 'websubHub' is not an absolute http(s) address without a user name or password: 'hub.example.com'; write the hub's address, e.g. https://pubsubhubbub.appspot.com/",
    ]);
  });

  it.each([
    ['a user name and password', 'https://user:secret@hub.example.com/'],
    ['a user name', 'https://user@hub.example.com/'],
    ['a backslash for the slashes', 'https:\\\\hub.example.com/'],
    ['white space in the host', "'https://hub example.com/'"],
    ['another scheme', 'ftp://hub.example.com/'],
  ])('refuses a hub address with %s, as every other address an editor gives', (_, hub) => {
    const { content, problems: found } = site(`websubHub: ${hub}`);
    expect(found.map(formatProblem)).toEqual([expect.stringMatching(/^content\/site\.yaml:8: 'websubHub' is not an absolute http\(s\) address without a user name or password: /)]);
    expect(content.site.websubHub).toBeUndefined();
  });
});
