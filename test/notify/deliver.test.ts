import { describe, expect, it } from 'vitest';
import { retryAfterMs, withRetries, type Attempt } from '../../src/notify/deliver.ts';
import { Redactor, secretsEnvironment, secretValue } from '../../src/notify/secrets.ts';

describe('retryAfterMs', () => {
  const now = Date.parse('2025-02-10T00:00:00Z');
  it.each([
    ['seconds', '7', 7000],
    ['zero seconds', '0', 0],
    ['an HTTP date ahead', 'Mon, 10 Feb 2025 00:00:30 GMT', 30_000],
    ['an HTTP date already past', 'Sun, 09 Feb 2025 23:59:00 GMT', 0],
    ['nothing', null, undefined],
    ['something unreadable', 'soon', undefined],
  ])('reads %s', (_, value, ms) => {
    expect(retryAfterMs(value, now)).toBe(ms);
  });
});

describe('withRetries', () => {
  /** Attempts that fail `failures` times with `failure`, then succeed; records when each ran. */
  function attempts(failures: number, failure: Extract<Attempt, { ok: false }>) {
    const times: number[] = [];
    const attempt = async (): Promise<Attempt> => {
      times.push(performance.now());
      return times.length > failures ? { ok: true, detail: 'HTTP 200' } : failure;
    };
    return { times, attempt };
  }
  const policy = { attempts: 4, baseDelayMs: 30, maxDelayMs: 100, timeoutMs: 1000 };

  it('waits the base delay, then twice as long each time, capped at the longest wait', async () => {
    const { times, attempt } = attempts(3, { ok: false, retry: true, detail: 'HTTP 503' });
    const waits: number[] = [];
    const delivery = await withRetries(attempt, policy, (_, waitMs) => waits.push(waitMs));
    expect(delivery).toMatchObject({ ok: true, attempts: 4 });
    expect(waits).toEqual([30, 60, 100]);
    times.slice(1).forEach((time, index) => expect(time - times[index]!).toBeGreaterThanOrEqual(waits[index]! - 2));
  });

  it('gives up after the last attempt and says how many it made', async () => {
    const delivery = await withRetries(attempts(9, { ok: false, retry: true, detail: 'HTTP 502' }).attempt, { ...policy, baseDelayMs: 1 });
    expect(delivery).toEqual({ ok: false, transient: true, attempts: 4, detail: 'HTTP 502, after 4 attempts', status: undefined });
  });

  it('does not retry a final failure', async () => {
    const { times, attempt } = attempts(9, { ok: false, retry: false, detail: 'HTTP 404' });
    expect(await withRetries(attempt, policy)).toMatchObject({ ok: false, transient: false, attempts: 1 });
    expect(times).toHaveLength(1);
  });

  it('reports a server asking to wait longer than it will', async () => {
    const delivery = await withRetries(attempts(9, { ok: false, retry: true, detail: 'HTTP 429', waitMs: 3_600_000 }).attempt, policy);
    expect(delivery).toMatchObject({ ok: false, attempts: 1, detail: 'HTTP 429, and asked to wait 3600 s, longer than 0.1 s' });
  });
});

describe('Redactor', () => {
  const redactor = new Redactor();
  redactor.add('https://hooks.slack.com/services/T01/B02/abcdefSECRET?sig=Sig%2Bvalue9&v=1', 'SLACK_WEBHOOK_URL');
  redactor.add('smtps://mailer:p%40ss%2Fword@smtp.example.com:465', 'SMTP_URL');
  redactor.add('whsec_123', 'HOOK_SECRET');
  redactor.add('y', 'SHORT_SECRET');

  it.each([
    ['a whole address', 'POST https://hooks.slack.com/services/T01/B02/abcdefSECRET?sig=Sig%2Bvalue9&v=1 failed', 'POST $SLACK_WEBHOOK_URL failed'],
    ["an address's path alone", 'no route for /services/T01/B02/abcdefSECRET?sig=Sig%2Bvalue9&v=1', 'no route for $SLACK_WEBHOOK_URL'],
    ['an SMTP password, as written and decoded', 'auth p%40ss%2Fword / p@ss/word failed', 'auth $SMTP_URL / $SMTP_URL failed'],
    ['a signing secret', 'expected whsec_123', 'expected $HOOK_SECRET'],
    ['a one-letter secret standing alone', 'key y, or "y".', 'key $SHORT_SECRET, or "$SHORT_SECRET".'],
    ['nothing else', 'hooks.slack.com answered 500', 'hooks.slack.com answered 500'],
  ])('replaces %s with the variable it came from, in every line', (_, text, redacted) => {
    expect(redactor.redact(text)).toBe(redacted);
    expect(redactor.redactEchoed(text)).toBe(redacted);
  });

  it.each([
    ['a path segment alone', 'unknown token abcdefSECRET.', 'unknown token $SLACK_WEBHOOK_URL.'],
    ['a three-character path segment', 'team T01 is not installed', 'team $SLACK_WEBHOOK_URL is not installed'],
    ['a query value, as written and decoded', 'sig Sig%2Bvalue9 (Sig+value9) is wrong', 'sig $SLACK_WEBHOOK_URL ($SLACK_WEBHOOK_URL) is wrong'],
    ['a query value inside a query', '?sig=Sig%2Bvalue9&x=1', '?sig=$SLACK_WEBHOOK_URL&x=1'],
    ['an SMTP login name', 'Invalid login for mailer', 'Invalid login for $SMTP_URL'],
  ])('replaces %s in what others wrote', (_, text, redacted) => {
    expect(redactor.redactEchoed(text)).toBe(redacted);
  });

  it.each([
    ['a word that holds a one-letter secret', 'Content-Type: application/json; yes, you may'],
    ['a word that holds a secret', 'whsec_1234 and xwhsec_123'],
    ['a longer token that starts with a path segment', 'abcdefSECRETS, abcdefSECRET-2, abcdefSECRET.txt'],
    ['a part shorter than three characters, which identifies nothing alone', 'v 1 is current'],
  ])('leaves %s as it is', (_, text) => {
    expect(redactor.redact(text)).toBe(text);
    expect(redactor.redactEchoed(text)).toBe(text);
  });

  it("keeps notify's own words that are also a part of an address, such as a channel named like a path segment", () => {
    expect(redactor.redact('services (slack): sent 2 updates; mailer ok')).toBe('services (slack): sent 2 updates; mailer ok');
    expect(redactor.redactEchoed('no such path: services')).toBe('no such path: $SLACK_WEBHOOK_URL');
  });
});

describe('secretValue', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('calls %s not set when the environment has no such variable', (name) => {
    expect(secretValue({ env: name, where: 'notify.yaml:3' }, {})).toEqual({ problem: `${name} is not set (notify.yaml:3)` });
  });

  it('gives the value of a variable that is set', () => {
    expect(secretValue({ env: 'HOOK', where: 'notify.yaml:3' }, { HOOK: 'https://hooks.test/x' })).toEqual({ value: 'https://hooks.test/x' });
  });
});

describe('secretsEnvironment', () => {
  it('adds the string values of STATUS_SECRETS, a variable set on its own winning', () => {
    expect(secretsEnvironment({ STATUS_SECRETS: '{"A":"from-json","B":"b","N":1}', A: 'own' })).toMatchObject({ A: 'own', B: 'b' });
    expect(secretsEnvironment({ STATUS_SECRETS: '{"A":"from-json","N":1}' }).N).toBeUndefined();
  });

  it.each(['', '   '])('leaves the environment as it is without STATUS_SECRETS (%j)', (value) => {
    expect(secretsEnvironment({ STATUS_SECRETS: value, A: 'a' })).toEqual({ STATUS_SECRETS: value, A: 'a' });
  });

  it.each(['not json', '[1]', 'null', '"text"'])('refuses %j without showing it', (value) => {
    expect(() => secretsEnvironment({ STATUS_SECRETS: value })).toThrow(/^STATUS_SECRETS is not a JSON object of names and values .*its value is not shown$/);
  });
});
