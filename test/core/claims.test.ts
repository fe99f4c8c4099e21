import { describe, expect, it } from 'vitest';
import { claimDeadline, claimUrl, creditClaim } from '../../src/core/claims.ts';
import { computeLedger } from '../../src/core/ledger.ts';
import type { Claim } from '../../src/core/types.ts';
import { at, content, incident, standardPolicy } from '../builders.ts';

describe('claimDeadline', () => {
  it.each([
    // month, within, zone, last day
    ['2025-01', '2 months', 'Asia/Shanghai', '2025-03-31'],
    ['2025-01', '30 days', 'Asia/Shanghai', '2025-03-02'],
    ['2025-01', '1 month', 'UTC', '2025-02-28'],
    ['2024-01', '1 month', 'UTC', '2024-02-29'],
    ['2024-12', '2 months', 'Europe/Berlin', '2025-02-28'],
    ['2024-12', '1 day', 'America/New_York', '2025-01-01'],
    ['2025-11', '3 months', 'Pacific/Auckland', '2026-02-28'],
    ['2025-02', '30 days', 'America/New_York', '2025-03-30'],
    ['2024-06', '12 months', 'Asia/Shanghai', '2025-06-30'],
  ])('%s with %s in %s: the last day is %s', (month, within, zone, date) => {
    const [count, unit] = within.split(' ') as [string, string];
    const period = { count: Number(count), unit: unit.startsWith('month') ? 'months' : 'days' } as const;
    expect(claimDeadline(month, period, zone).date).toBe(date);
  });

  it('ends the period at local midnight after the last day, in the policy’s zone', () => {
    // January 2025 in Shanghai ends at 2025-02-01 00:00 +08:00; two months on is 2025-04-01 00:00 +08:00.
    expect(claimDeadline('2025-01', { count: 2, unit: 'months' }, 'Asia/Shanghai').ends).toBe(Date.parse('2025-03-31T16:00:00Z'));
    // The same month in UTC ends eight hours later.
    expect(claimDeadline('2025-01', { count: 2, unit: 'months' }, 'UTC').ends).toBe(Date.parse('2025-04-01T00:00:00Z'));
  });

  it('counts local days across a DST change: 30 days after February in New York end at local midnight', () => {
    // Clocks go forward on 2025-03-09: the period ends at 2025-03-31 00:00 EDT (04:00 UTC), not EST.
    expect(claimDeadline('2025-02', { count: 30, unit: 'days' }, 'America/New_York').ends).toBe(Date.parse('2025-03-31T04:00:00Z'));
  });

  it('ends on the day before when the local midnight that ends it is skipped by DST', () => {
    // Santiago skips 2024-09-08 00:00 (clocks jump to 01:00): August + 7 days ends at that jump, so the last day is 7 September.
    const deadline = claimDeadline('2024-08', { count: 7, unit: 'days' }, 'America/Santiago');
    expect(deadline.date).toBe('2024-09-07');
    expect(deadline.ends).toBe(Date.parse('2024-09-08T04:00:00Z'));
  });
});

describe('claimUrl', () => {
  it('fills each placeholder with its value, encoded, the incidents joined with commas', () => {
    const url = claimUrl('https://support.example.com/claims/{service}?month={month}&incidents={incidents}', {
      service: 'ecs-hangzhou',
      month: '2025-01',
      incidents: ['2025-01-18-power', '2025-01-20-api'],
    });
    expect(url).toBe('https://support.example.com/claims/ecs-hangzhou?month=2025-01&incidents=2025-01-18-power%2C2025-01-20-api');
    const read = new URL(url);
    expect(read.searchParams.get('incidents')).toBe('2025-01-18-power,2025-01-20-api');
    expect(read.pathname).toBe('/claims/ecs-hangzhou');
  });

  it('fills a placeholder used twice both times, and leaves the rest of the address as written', () => {
    expect(claimUrl('https://x.example/{month}/{month}?a=%20&s={service}', { service: 's', month: '2025-02', incidents: [] })).toBe(
      'https://x.example/2025-02/2025-02?a=%20&s=s',
    );
  });

  it('never lets a value add a parameter or a path', () => {
    const url = claimUrl('https://x.example/{service}?i={incidents}', { service: 'a/b?c=d', month: '2025-01', incidents: ['x&admin=1', 'y#z'] });
    const read = new URL(url);
    expect(read.pathname).toBe('/a%2Fb%3Fc%3Dd');
    expect([...read.searchParams.keys()]).toEqual(['i']);
    expect(read.searchParams.get('i')).toBe('x&admin=1,y#z');
    expect(read.hash).toBe('');
  });
});

describe('creditClaim', () => {
  const TICKET: Claim = { how: 'ticket', url: 'https://s.example/new?service={service}&month={month}&incidents={incidents}', within: { count: 2, unit: 'months' } };
  const subject = { service: 'ecs', month: '2025-01', incidents: ['a'], creditPercent: 0.25, final: true };
  // January 2025 in Shanghai with two months: claims end at 2025-04-01 00:00 +08:00.
  const ENDS = at('2025-04-01 00:00');

  it('is null for a month that earns no credit', () => {
    expect(creditClaim(standardPolicy({ claim: TICKET }), { ...subject, creditPercent: 0 }, ENDS)).toBeNull();
  });

  it('says to contact support when the policy has no claim', () => {
    expect(creditClaim(standardPolicy(), subject, ENDS)).toEqual({ how: 'support', provisional: false });
  });

  it('says the credit is automatic for an automatic claim', () => {
    expect(creditClaim(standardPolicy({ claim: { how: 'automatic', url: null, within: null } }), subject, ENDS)).toEqual({ how: 'automatic', provisional: false });
  });

  it.each([
    ['one millisecond before the period ends', ENDS - 1, true],
    ['when the period ends', ENDS, false],
  ])('gives a prefilled link and the deadline, open %s: %s', (_, now, open) => {
    expect(creditClaim(standardPolicy({ claim: TICKET }), subject, now)).toEqual({
      how: 'ticket',
      url: 'https://s.example/new?service=ecs&month=2025-01&incidents=a',
      deadline: '2025-03-31',
      open,
      provisional: false,
    });
  });

  it.each([
    ['ticket', { claim: { how: 'ticket', url: 'https://s.example/new', within: null } as Claim }],
    ['automatic', { claim: { how: 'automatic', url: null, within: null } as Claim }],
    ['support', {}],
  ] as const)('says a %s claim on a provisional month may still change', (_, policy) => {
    expect(creditClaim(standardPolicy(policy), { ...subject, final: false }, ENDS)).toMatchObject({ provisional: true });
    expect(creditClaim(standardPolicy(policy), subject, ENDS)).toMatchObject({ provisional: false });
  });

  it('gives no deadline for a ticket without a period', () => {
    expect(creditClaim(standardPolicy({ claim: { ...TICKET, within: null } }), subject, ENDS + 1e12)).toMatchObject({ deadline: null, open: true });
  });
});

describe('the ledger’s claims', () => {
  it('fill each month with a credit with that service, month and the month’s incidents', () => {
    const claim: Claim = { how: 'ticket', url: 'https://s.example/new?service={service}&month={month}&incidents={incidents}', within: { count: 30, unit: 'days' } };
    const first = incident('2025-01-18 02:11', '2025-01-18 03:40');
    const second = incident('2025-01-20 10:00', '2025-01-20 10:30');
    const quiet = incident('2025-02-02 10:00', '2025-02-02 10:05', { level: 'degraded-performance' });
    const ledger = computeLedger(content([first, second, quiet], { policies: [standardPolicy({ claim })] }), at('2025-03-01 00:00'));
    const ecs = ledger.serviceById.get('ecs')!;
    expect(ecs.months.map((month) => [month.month, month.claim])).toEqual([
      ['2025-01', { how: 'ticket', url: `https://s.example/new?service=ecs&month=2025-01&incidents=${first.id}%2C${second.id}`, deadline: '2025-03-02', open: true, provisional: false }],
      ['2025-02', null],
    ]);
    // The incident's own row carries the month's claim: the credit is the month's, for every incident in it.
    expect(ledger.byId.get(second.id)!.impacts[0]!.months[0]!.claim).toEqual(ecs.months[0]!.claim);
  });
});
