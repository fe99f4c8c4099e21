import { describe, expect, it } from 'vitest';
import { resolveContent, type ContentFiles } from '../../src/contract/load-content.ts';
import { formatProblem } from '../../src/contract/problems.ts';
import { SERVICES_YAML, SITE_YAML, SLA_YAML } from '../builders.ts';

/** SLA_YAML with `claim` lines (indented under the standard policy, the first) after its name. */
function withClaim(lines: string): string {
  const indented = lines.split('\n').map((line) => `  ${line}`).join('\n');
  return SLA_YAML.replace('  name: Standard monthly SLA\n', `  name: Standard monthly SLA\n${indented}\n`);
}

function resolve(sla: string) {
  const files: ContentFiles = { dir: 'content', site: SITE_YAML, services: SERVICES_YAML, sla, incidents: [], others: [] };
  return resolveContent(files, Date.parse('2026-01-01T00:00:00Z'));
}

const TEMPLATE = 'https://support.example.com/new?topic=sla&service={service}&month={month}&incidents={incidents}';

describe('a policy’s claim', () => {
  it('reads how, the URL template and the claim period', () => {
    const { content, problems } = resolve(withClaim(`claim:\n  how: ticket\n  url: ${TEMPLATE}\n  within: 2 months`));
    expect(problems).toEqual([]);
    expect(content.policies[0]!.claim).toEqual({ how: 'ticket', url: TEMPLATE, within: { count: 2, unit: 'months' } });
    expect(content.policies[1]!.claim).toBeNull();
  });

  it.each([
    ['30 days', { count: 30, unit: 'days' }],
    ['1 day', { count: 1, unit: 'days' }],
    ['1 month', { count: 1, unit: 'months' }],
    ['3 Months', { count: 3, unit: 'months' }],
  ])('reads within: %s', (within, expected) => {
    const { content, problems } = resolve(withClaim(`claim:\n  how: ticket\n  url: ${TEMPLATE}\n  within: ${within}`));
    expect(problems).toEqual([]);
    expect(content.policies[0]!.claim!.within).toEqual(expected);
  });

  it('takes an automatic claim without url or period', () => {
    const { content, problems } = resolve(withClaim('claim:\n  how: automatic'));
    expect(problems).toEqual([]);
    expect(content.policies[0]!.claim).toEqual({ how: 'automatic', url: null, within: null });
  });

  it('takes a ticket without a period (no deadline)', () => {
    const { content, problems } = resolve(withClaim(`claim:\n  how: ticket\n  url: https://support.example.com/sla`));
    expect(problems).toEqual([]);
    expect(content.policies[0]!.claim).toEqual({ how: 'ticket', url: 'https://support.example.com/sla', within: null });
  });

  // The claim block starts on line 3 of sla.yaml: how on 4, url on 5, within on 6.
  it.each([
    {
      mistake: 'an unknown placeholder',
      claim: 'claim:\n  how: ticket\n  url: https://support.example.com/new?customer={customer}&month={month}\n  within: 2 months',
      expected: 'content/sla.yaml:5: unknown placeholder {customer} in the claim url; use only {service}, {month}, {incidents}',
    },
    {
      mistake: 'a brace that is not a placeholder',
      claim: 'claim:\n  how: ticket\n  url: "https://support.example.com/new?month={month"',
      expected: "content/sla.yaml:5: the claim url has a '{' or '}' that is not part of a placeholder; use only {service}, {month}, {incidents}, each in one pair of braces",
    },
    {
      mistake: 'a relative url',
      claim: 'claim:\n  how: ticket\n  url: /claims/{service}',
      expected: "content/sla.yaml:5: the claim url '/claims/{service}' is not an absolute http(s) address without a user name or password; write the full address of your claim form, starting with https://",
    },
    {
      mistake: 'a script url',
      claim: 'claim:\n  how: ticket\n  url: javascript:alert({service})',
      expected: "content/sla.yaml:5: the claim url 'javascript:alert({service})' is not an absolute http(s) address without a user name or password; write the full address of your claim form, starting with https://",
    },
    {
      mistake: 'a ticket without url',
      claim: 'claim:\n  how: ticket\n  within: 2 months',
      expected: "content/sla.yaml:3: a claim by ticket needs 'url'; add the address of your claim form, e.g. 'url: https://support.example.com/new?service={service}&month={month}&incidents={incidents}'",
    },
    {
      mistake: 'an unknown method',
      claim: 'claim:\n  how: email',
      expected: "content/sla.yaml:4: unknown claim method ('how') 'email'; use one of: ticket, automatic",
    },
    {
      mistake: 'a period without a unit',
      claim: `claim:\n  how: ticket\n  url: ${TEMPLATE}\n  within: 60`,
      expected: "content/sla.yaml:6: 'within' is '60', not a period; write it as '<n> months' or '<n> days' after the end of the month, e.g. '2 months' or '30 days'",
    },
    {
      mistake: 'a period in weeks',
      claim: `claim:\n  how: ticket\n  url: ${TEMPLATE}\n  within: 2 weeks`,
      expected: "content/sla.yaml:6: 'within' is '2 weeks', not a period; write it as '<n> months' or '<n> days' after the end of the month, e.g. '2 months' or '30 days'",
    },
    {
      mistake: 'a period of zero days',
      claim: `claim:\n  how: ticket\n  url: ${TEMPLATE}\n  within: 0 days`,
      expected: "content/sla.yaml:6: 'within' is 0 days, outside 1 to 3660; write it as '<n> months' or '<n> days' after the end of the month, e.g. '2 months' or '30 days'",
    },
    {
      mistake: 'an unknown field',
      claim: `claim:\n  how: ticket\n  url: ${TEMPLATE}\n  deadline: 2 months`,
      expected: "content/sla.yaml:6: unknown field 'deadline' in 'claim'; use one of: how, url, within",
    },
    {
      mistake: 'a claim that is not a mapping',
      claim: 'claim: ticket',
      expected: "content/sla.yaml:3: 'claim' is not a mapping of keys to values (found 'ticket'); write it as `key: value` lines",
    },
  ])('reports $mistake with its line', ({ claim, expected }) => {
    expect(resolve(withClaim(claim)).problems.map(formatProblem)).toEqual([expected]);
  });
});
