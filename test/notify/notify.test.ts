import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../../src/notify/deliver.ts';
import { runNotify, type NotifyOptions } from '../../src/notify/run.ts';
import { SITE_YAML } from '../builders.ts';
import { startHttpReceiver, startSmtpReceiver, type HttpReceiver, type SmtpReceiver } from './receivers.ts';
import { HOSTILE_TITLE, NEW_IDS, publishedSite } from './site.ts';

const HOOK_SECRET = 'whsec-test-3f9a0c1d2e';
const SMTP_USER = 'notifier';
const SMTP_PASS = 'smtp-pass-8b7c6d5e';
/** Paths that carry a token, as real webhook addresses do. */
const PATHS = {
  slack: '/slack/T0001/B0001/slack-token-4c2b9e',
  discord: '/discord/1234/discord-token-77aa',
  teams: '/teams/workflows/teams-sig-91ff',
  hook: '/partners/hook-path-5d1e',
  console: '/console/hook-path-0a0a',
};
/** Quick retries: the rule is the same, the waits short. */
const RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 40, maxDelayMs: 2000, timeoutMs: 2000 };

let http: HttpReceiver;
let smtp: SmtpReceiver;
let site: Awaited<ReturnType<typeof publishedSite>>;

beforeAll(async () => {
  [http, smtp, site] = await Promise.all([startHttpReceiver(HOOK_SECRET), startSmtpReceiver(SMTP_USER, SMTP_PASS), publishedSite()]);
});
afterAll(async () => {
  await Promise.all([http.close(), smtp.close()]);
});
beforeEach(() => {
  http.requests.length = 0;
  smtp.messages.length = 0;
  for (const path of Object.values(PATHS)) http.answer(path, { status: 200, body: 'ok' });
});

function env(overrides: Record<string, string | undefined> = {}) {
  return {
    SLACK_URL: `${http.url}${PATHS.slack}`,
    DISCORD_URL: `${http.url}${PATHS.discord}`,
    TEAMS_URL: `${http.url}${PATHS.teams}`,
    HOOK_URL: `${http.url}${PATHS.hook}`,
    HOOK_SECRET,
    CONSOLE_HOOK_URL: `${http.url}${PATHS.console}`,
    SMTP_URL: `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${smtp.port}`,
    ...overrides,
  };
}

/** Every secret the tests hand notify: none may appear in what it prints. */
function secrets(values = env()): string[] {
  return [...Object.values(PATHS), values.SLACK_URL!, HOOK_SECRET, SMTP_PASS, values.SMTP_URL!];
}

async function notify(options: Partial<NotifyOptions> = {}) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await runNotify({
    contentDir: site.dir,
    outDir: site.outDir,
    since: site.previous,
    firstRun: false,
    dryRun: false,
    channels: [],
    env: env(),
    retry: RETRY,
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
    ...options,
  });
  const output = [...lines, ...errors].join('\n');
  return { code, lines, errors, output };
}

const ids = (requests: { body: string }[], field: (body: any) => string) => requests.map((request) => field(JSON.parse(request.body)));
const slackIds = () => ids(http.at(PATHS.slack), (body) => body.blocks.at(-1).elements[0].text.match(/#(update-[^|]+)\|/)[1]);
const hookIds = () => ids(http.at(PATHS.hook), (body) => body.id);

describe('npm run notify', () => {
  it("sends a new incident's updates through every channel type, oldest first, and reports each channel", async () => {
    const run = await notify();
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);

    // Every new update, and only those, oldest first.
    expect(hookIds()).toEqual(NEW_IDS);
    expect(slackIds()).toEqual(NEW_IDS.map((id) => id.split('#')[1]));
    // The signed webhook: a valid signature and the update id as the idempotency key.
    for (const request of http.at(PATHS.hook)) {
      expect(request.signature).toBe('valid');
      expect(request.headers['idempotency-key']).toBe(JSON.parse(request.body).id);
      expect(request.headers['content-type']).toBe('application/json');
    }
    // Filters: storage (oss) gets the oss incident, compute (ecs) the API incident; console nothing.
    expect(ids(http.at(PATHS.discord), (body) => body.embeds[0].url.split('#')[1])).toEqual(['update-20250209T021000-investigating', 'update-20250209T024000-resolved']);
    expect(http.at(PATHS.teams)).toHaveLength(3);
    expect(http.at(PATHS.console)).toHaveLength(0);
    // Email: one message per update, to every recipient, through the login the URL gives.
    expect(smtp.messages.map((message) => message.mail.subject)).toEqual([
      `[Test Status] Investigating: ${HOSTILE_TITLE}`,
      '[Test Status] Investigating: Slow uploads to storage',
      `[Test Status] Identified: ${HOSTILE_TITLE}`,
      '[Test Status] Resolved: Slow uploads to storage',
      `[Test Status] Resolved: ${HOSTILE_TITLE}`,
    ]);
    expect(smtp.messages[0]!.envelope).toEqual({ from: 'status@status.test', to: ['a@example.com', 'b@example.com'] });

    expect(run.lines.slice(-6)).toEqual([
      'ops (slack): sent 5 updates',
      'storage (discord): sent 2 updates',
      'compute (teams): sent 3 updates',
      'partners (webhook): sent 5 updates',
      'console-team (webhook): nothing to send (no new update touches console)',
      'customers (email): sent 5 updates',
    ]);
  });

  it('sends nothing on a second run against the manifest it has just announced', async () => {
    const run = await notify({ since: site.current });
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([`no new updates since ${site.current}: nothing to send`]);
    expect(http.requests).toHaveLength(0);
    expect(smtp.messages).toHaveLength(0);
  });

  it('carries the title, status, time in the site zone, text, services with levels and the link in each format', async () => {
    await notify({ channels: ['ops', 'compute', 'partners', 'customers'] });
    const identified = NEW_IDS[2]!;
    const url = `https://status.test/incidents/2025-02-09-api-errors/#${identified.split('#')[1]}`;

    const hook = JSON.parse(http.at(PATHS.hook)[2]!.body);
    expect(hook).toMatchObject({
      id: identified,
      status: 'identified',
      time: '2025-02-09T02:20:00.000Z',
      incident: { id: '2025-02-09-api-errors', title: HOSTILE_TITLE, kind: 'incident', url: 'https://status.test/incidents/2025-02-09-api-errors/' },
      services: [{ id: 'ecs', name: 'Compute', level: 'major-outage' }, { id: 'cdn', name: 'CDN', level: 'partial-outage' }],
      url,
    });
    expect(hook.text).toBe('A bad deploy: <script>alert(1)</script> & <@everyone> rolled back; details at our blog (https://blog.example.com/post?a=1&b=2).');
    expect(hook.html).not.toContain('<script>');

    // Slack: mrkdwn with &, < and > escaped, so no tag, mention or link can be smuggled in.
    const slack = JSON.parse(http.at(PATHS.slack)[2]!.body);
    const slackText = JSON.stringify(slack.blocks);
    expect(slackText).toContain('A bad deploy: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;@everyone&gt; rolled back');
    expect(slackText).toContain('2025-02-09 10:20 +08:00');
    expect(slackText).toContain('Compute (major outage), CDN (partial outage)');
    expect(slackText).toContain(`<${url}|View on the status page>`);
    expect(slack.blocks[0].text.text).toBe(`Identified: ${HOSTILE_TITLE}`);

    // Teams: an Adaptive Card with the services as facts and a button to the update.
    const card = JSON.parse(http.at(PATHS.teams)[1]!.body).attachments[0].content;
    expect(card.type).toBe('AdaptiveCard');
    expect(card.body[0].text).toBe(`Identified: ${HOSTILE_TITLE}`);
    expect(card.body.find((block: any) => block.type === 'FactSet').facts).toEqual([
      { title: 'Compute', value: 'Major outage' },
      { title: 'CDN', value: 'Partial outage' },
    ]);
    expect(card.actions[0]).toEqual({ type: 'Action.OpenUrl', title: 'View on the status page', url });

    // Email: text and HTML parts, the HTML escaped and made of the safe renderer's output.
    const mail = smtp.messages[2]!.mail;
    expect(mail.text).toContain(`Identified: ${HOSTILE_TITLE}\n2025-02-09 10:20 +08:00`);
    expect(mail.text).toContain('- Compute: Major outage\n- CDN: Partial outage');
    expect(mail.text).toContain(`View on the status page: ${url}`);
    expect(mail.html).toContain('Identified: Errors &lt;b&gt;&amp;&lt;/b&gt; &quot;timeouts&quot; on the &lt;API&gt;');
    expect(mail.html).toContain('<strong>bad deploy</strong>: &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain(`<a href="${url}">View on the status page</a>`);
    // One header with both addresses (unfolded), as RFC 2369 has it.
    expect(smtp.messages[2]!.raw.replace(/\r\n[ \t]+/g, ' ')).toContain('List-Unsubscribe: <mailto:leave@status.test>, <https://status.test/unsubscribe>');
    expect(mail.headers.get('list')).toEqual({ unsubscribe: { mail: 'leave@status.test', url: 'https://status.test/unsubscribe' } });
    expect(mail.messageId).toBe('<2025-02-09-api-errors.update-20250209T022000-identified@status.test>');
    // A root-relative link in an update points at the site in an email.
    expect(smtp.messages[4]!.mail.html).toContain('<a href="https://status.test/sla/">the SLA</a>');
  });

  it('retries a failing receiver with backoff, then reports it by name and exits non-zero; the other channels still get theirs', async () => {
    http.answer(PATHS.hook, { status: 500, body: 'down' });
    const run = await notify();
    expect(run.code).toBe(1);
    // The first update is tried RETRY.attempts times, waiting longer each time; the channel then stops.
    const attempts = http.at(PATHS.hook);
    expect(attempts).toHaveLength(RETRY.attempts);
    expect(new Set(attempts.map((request) => JSON.parse(request.body).id))).toEqual(new Set([NEW_IDS[0]]));
    const gaps = attempts.slice(1).map((request, index) => request.at - attempts[index]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(RETRY.baseDelayMs - 5);
    expect(gaps[1]).toBeGreaterThanOrEqual(2 * RETRY.baseDelayMs - 5);
    // Every signed attempt carries a valid signature.
    expect(attempts.every((request) => request.signature === 'valid')).toBe(true);
    expect(run.lines).toContain(`partners (webhook): FAILED: sent 0 of 5 updates; ${NEW_IDS[0]}: HTTP 500 "down", after 3 attempts; 4 updates after it not tried`);
    expect(run.errors.at(-1)).toBe('notify: 1 channel failed: partners (webhook)');
    expect(run.errors).toContain(`partners (webhook): HTTP 500 "down"; attempt 2 of 3 in ${RETRY.baseDelayMs} ms`);
    expect(http.at(PATHS.slack)).toHaveLength(5);
    expect(smtp.messages).toHaveLength(5);
  });

  it.each([
    ['429 with Retry-After', { status: 429, headers: { 'retry-after': '0' } }],
    ['503', { status: 503 }],
    ['no answer within the timeout', { status: 200, delayMs: 800 }],
  ])('gets through after %s', async (_, first) => {
    http.answer(PATHS.hook, first, { status: 204 });
    const run = await notify({ channels: ['partners'], retry: { ...RETRY, timeoutMs: 400 } });
    expect(run.code).toBe(0);
    expect(run.lines.at(-1)).toBe('partners (webhook): sent 5 updates');
    expect(http.at(PATHS.hook)).toHaveLength(6);
  });

  it('honours Retry-After rather than its own backoff', async () => {
    http.answer(PATHS.hook, { status: 429, headers: { 'retry-after': '1' } }, { status: 204 });
    await notify({ channels: ['partners'] });
    const [first, second] = http.at(PATHS.hook);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990);
  });

  it('reports a redirecting webhook address instead of following it with the message', async () => {
    http.answer(PATHS.hook, { status: 308, headers: { location: '/elsewhere' } });
    const run = await notify({ channels: ['partners'] });
    expect(run.code).toBe(1);
    expect(http.at('/elsewhere')).toHaveLength(0);
    expect(run.lines.at(-1)).toContain(`${NEW_IDS[0]}: HTTP 308: the address redirects; use the address it redirects to`);
  });

  it('does not retry a message the receiver refuses (4xx), and goes on with the next', async () => {
    http.answer(PATHS.hook, { status: 400, body: 'bad payload' }, { status: 204 });
    const run = await notify({ channels: ['partners'] });
    expect(run.code).toBe(1);
    expect(hookIds()).toEqual(NEW_IDS);
    expect(run.lines.at(-1)).toBe(`partners (webhook): FAILED: sent 4 of 5 updates; ${NEW_IDS[0]}: HTTP 400 "bad payload"`);
  });

  it('never prints a secret: not in reports, retries, failures or errors that echo the address', async () => {
    // A receiver that echoes the path it was called on (with its token) in its error.
    http.answer(PATHS.slack, { status: 500, body: `no route for ${PATHS.slack}` });
    http.answer(PATHS.hook, { status: 401, body: `bad signature, expected secret ${HOOK_SECRET}` });
    const failing = await notify({ env: env({ SMTP_URL: `smtp://${SMTP_USER}:wrong-${SMTP_PASS}@127.0.0.1:${smtp.port}` }) });
    expect(failing.code).toBe(1);
    expect(failing.output).toContain('no route for $SLACK_URL');
    expect(failing.output).toContain('bad signature, expected secret $HOOK_SECRET');
    expect(failing.output).toContain('customers (email): FAILED');
    for (const secret of [...secrets(), `wrong-${SMTP_PASS}`]) expect(failing.output).not.toContain(secret);
    const dry = await notify({ dryRun: true });
    for (const secret of secrets()) expect(dry.output).not.toContain(secret);
  });

  it('fails an email channel whose transport cannot be created alone: the others still send and report, exit 1, one line, no stack', async () => {
    // A WHATWG-valid address that nodemailer's option parser throws on (`tls` set both as a value and as an object).
    const values = env({ SMTP_URL: `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${smtp.port}/?tls=1&tls.servername=x` });
    const run = await notify({ env: values });
    expect(run.code).toBe(1);
    expect(run.lines).toContain('partners (webhook): sent 5 updates');
    expect(run.lines).toContain('ops (slack): sent 5 updates');
    expect(run.lines).toContainEqual(expect.stringMatching(/^customers \(email\): FAILED: sent 0 of 5 updates; .+: cannot set up SMTP from \$SMTP_URL \(.+\); check its address and options; 4 updates after it not tried$/));
    expect(run.errors.at(-1)).toBe('notify: 1 channel failed: customers (email)');
    expect(smtp.messages).toHaveLength(0);
    expect(run.output).not.toMatch(/^\s+at /m);
    for (const secret of secrets(values)) expect(run.output).not.toContain(secret);
  });

  it('names a variable that is not set, fails that channel only, and exits non-zero', async () => {
    const run = await notify({ env: env({ HOOK_SECRET: undefined, DISCORD_URL: '' }) });
    expect(run.code).toBe(1);
    expect(run.lines).toContain(`partners (webhook): FAILED: sent nothing of 5 updates: HOOK_SECRET is not set (${site.dir}/notify.yaml:15)`);
    expect(run.lines).toContain(`storage (discord): FAILED: sent nothing of 2 updates: DISCORD_URL is not set (${site.dir}/notify.yaml:6)`);
    expect(http.at(PATHS.hook)).toHaveLength(0);
    expect(http.at(PATHS.slack)).toHaveLength(5);
  });

  it('refuses a variable that does not hold an address, without showing it', async () => {
    const run = await notify({ channels: ['ops'], env: env({ SLACK_URL: 'xoxb-not-a-url-token' }) });
    expect(run.code).toBe(1);
    expect(run.lines.at(-1)).toBe(`ops (slack): FAILED: sent nothing of 5 updates: SLACK_URL does not hold a https or http address (${site.dir}/notify.yaml:3)`);
    expect(run.output).not.toContain('xoxb-not-a-url-token');
  });

  it('prints on --dry-run what it would send, and sends nothing', async () => {
    const run = await notify({ dryRun: true });
    expect(run.code).toBe(0);
    expect(http.requests).toHaveLength(0);
    expect(smtp.messages).toHaveLength(0);
    expect(run.output).toContain(`=== partners (webhook), 1 of 5: ${NEW_IDS[0]}\nPOST $HOOK_URL`);
    expect(run.output).toContain(`Idempotency-Key: ${NEW_IDS[0]}`);
    expect(run.output).toContain('X-Status-Ledger-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>" with $HOOK_SECRET>');
    expect(run.output).toContain('SMTP $SMTP_URL\nFrom: Test Status <status@status.test>\nTo: a@example.com, Bee <b@example.com>');
    expect(run.output).toContain('List-Unsubscribe: <mailto:leave@status.test>, <https://status.test/unsubscribe>');
    expect(run.lines.slice(-6)).toEqual([
      'ops (slack): would send 5 updates (dry run)',
      'storage (discord): would send 2 updates (dry run)',
      'compute (teams): would send 3 updates (dry run)',
      'partners (webhook): would send 5 updates (dry run)',
      'console-team (webhook): nothing to send (no new update touches console)',
      'customers (email): would send 5 updates (dry run)',
    ]);
  });

  it('sends nothing without a previous manifest, and says how to send on a first deploy', async () => {
    const missing = path.join(site.work, 'none.json');
    const run = await notify({ since: missing });
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([`no previous updates.json (${missing} does not exist): nothing sent. On a site's first deploy, run with --first-run to send the 8 updates of this build.`]);
    expect(http.requests).toHaveLength(0);
  });

  it('sends every update of the build, oldest first, with --first-run and no previous manifest', async () => {
    const run = await notify({ since: path.join(site.work, 'none.json'), firstRun: true, channels: ['partners'] });
    expect(run.code).toBe(0);
    expect(hookIds()).toEqual([
      '2025-01-18-hangzhou-power#update-20250117T182000-investigating',
      '2025-01-18-hangzhou-power#update-20250117T184000-identified',
      '2025-01-18-hangzhou-power#update-20250117T194500-resolved',
      ...NEW_IDS,
    ]);
  });

  it('refuses to run without --since or --first-run', async () => {
    const run = await notify({ since: undefined });
    expect(run.code).toBe(2);
    expect(run.errors[0]).toMatch(/^notify: say what was sent before: --since/);
  });

  it('reads the previous manifest from the live site, and takes a 404 for a first deploy', async () => {
    const { readFileSync } = await import('node:fs');
    http.answer('/live/api/v1/updates.json', { status: 200, body: readFileSync(site.previous, 'utf8') });
    // The live site answers at its final address after a redirect, as a host moving http to https does.
    http.answer('/moved/updates.json', { status: 301, headers: { location: '/live/api/v1/updates.json' } });
    const run = await notify({ since: `${http.url}/moved/updates.json`, channels: ['partners'] });
    expect(run.code).toBe(0);
    expect(hookIds()).toEqual(NEW_IDS);

    http.answer('/new-site/api/v1/updates.json', { status: 404 });
    const first = await notify({ since: `${http.url}/new-site/api/v1/updates.json`, channels: ['partners'] });
    expect(first.code).toBe(0);
    expect(first.lines[0]).toMatch(/^no previous updates\.json \(http:\/\/127\.0\.0\.1:\d+\/new-site\/api\/v1\/updates\.json answered HTTP 404\): nothing sent/);
  });

  it.each([
    ['a live site that keeps failing', { status: 503 }, /could not be fetched from .*: HTTP 503, after 3 attempts; nothing was sent$/],
    ['a page that is not JSON', { status: 200, body: '<html>maintenance</html>' }, /is not JSON; nothing was sent$/],
    ['JSON that is not a manifest', { status: 200, body: '{"incidents": []}' }, /is not an updates\.json: it has no 'updates' list; nothing was sent$/],
    ["another site's manifest", { status: 200, body: JSON.stringify({ generatedAt: '', updates: [{ id: 'x#y', incident: 'x', status: 'resolved', time: '2025-01-01T00:00:00Z', url: 'https://other.example/incidents/x/#y' }] }) }, /lists updates of another site than https:\/\/status\.test; nothing was sent/],
    ["the manifest of another site below a path on the same host", { status: 200, body: JSON.stringify({ generatedAt: '', updates: [{ id: 'x#y', incident: 'x', status: 'resolved', time: '2025-01-01T00:00:00Z', url: 'https://status.test/eu/incidents/x/#y' }] }) }, /lists updates of another site than https:\/\/status\.test; nothing was sent/],
  ])('sends nothing, and fails, when the previous manifest is %s: it cannot tell what is new', async (_, answer, message) => {
    http.answer('/broken/api/v1/updates.json', answer);
    const run = await notify({ since: `${http.url}/broken/api/v1/updates.json`, channels: ['partners'] });
    expect(run.code).toBe(1);
    expect(run.errors.at(-1)).toMatch(message);
    expect(http.at(PATHS.hook)).toHaveLength(0);
  });

  it('stops before sending when the build and the content differ', async () => {
    const { readFileSync } = await import('node:fs');
    const file = path.join(site.outDir, 'api', 'v1', 'updates.json');
    const original = readFileSync(file, 'utf8');
    const manifest = JSON.parse(original);
    manifest.updates.unshift({ ...manifest.updates[0], id: '2025-02-09-gone#update-20250209T050000-investigating' });
    writeFileSync(file, JSON.stringify(manifest));
    try {
      const run = await notify();
      expect(run.code).toBe(1);
      expect(run.errors.at(-1)).toContain('lists updates that are not in');
      expect(http.requests).toHaveLength(0);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('says so and exits 0 when notify.yaml has no channels', async () => {
    const bare = await publishedSite('# none yet\n');
    const run = await notify({ contentDir: bare.dir, outDir: bare.outDir, since: bare.previous });
    expect(run).toMatchObject({ code: 0, lines: [`no channels in ${bare.dir}/notify.yaml and no websubHub in site.yaml: nothing to send`] });
    rmSync(bare.work, { recursive: true, force: true });
  });

  it('pings the WebSub hub for the site feed and each affected service feed, RSS and Atom', async () => {
    const hubbed = await publishedSite('# none\n', `${SITE_YAML}websubHub: ${http.url}/hub\n`);
    const run = await notify({ contentDir: hubbed.dir, outDir: hubbed.outDir, since: hubbed.previous });
    expect(run.code).toBe(0);
    expect(http.at('/hub').map((request) => [request.headers['content-type'], request.body])).toEqual(
      ['', '/services/cdn', '/services/ecs', '/services/oss'].flatMap((feed) => [`https://status.test${feed}/rss.xml`, `https://status.test${feed}/history.atom`]).map(
        (topic) => ['application/x-www-form-urlencoded', `hub.mode=publish&hub.url=${encodeURIComponent(topic)}`],
      ),
    );
    expect(run.lines.at(-1)).toBe(`websub (hub): pinged ${http.url}/hub for 8 feeds`);
    expect(existsSync(hubbed.outDir)).toBe(true);
  });
});

describe('npm run notify against hostile receivers', () => {
  const QUERY = '?sig=query-secret-77';

  it('shows no path segment or query value of a secret address that a refusal echoes, and changes no word around it', async () => {
    http.answer(`${PATHS.hook}${QUERY}`, { status: 403, body: 'unknown hook hook-path-5d1e; sig query-secret-77 refused for partners; Content-Type ok' });
    const run = await notify({ channels: ['partners'], env: env({ HOOK_URL: `${http.url}${PATHS.hook}${QUERY}` }) });
    expect(run.code).toBe(1);
    expect(run.lines.at(-1)).toBe(`partners (webhook): FAILED: sent 0 of 5 updates; ${NEW_IDS.map((id) => `${id}: HTTP 403 "unknown hook $HOOK_URL; sig $HOOK_URL refused for $HOOK_URL; Content-Type ok"`).join('; ')}`);
    for (const secret of ['hook-path-5d1e', 'query-secret-77']) expect(run.output).not.toContain(secret);
  });

  it('replaces a one-letter secret where it stands alone, never inside a word', async () => {
    const run = await notify({ dryRun: true, channels: ['partners'], env: env({ HOOK_SECRET: 'y' }) });
    expect(run.output).toContain('Content-Type: application/json');
    expect(run.output).not.toContain('$HOOK_SECRETpe');
    expect(run.output).toContain('with $HOOK_SECRET>');
  });

  it("shows a refusal's body as one short line, terminal escapes shown and not obeyed, without reading it all", async () => {
    // Clear screen, an OSC 52 clipboard write, a line break, a bidi override, then a 600 MB word, never shown since it is cut.
    const hostile = '\u001b[2J\u001b]52;c;aGVsbG8=\u0007bad\nrequest \u202Eevil ';
    http.answer(PATHS.hook, { status: 400, body: hostile, flood: 600 * 1024 * 1024 });
    const started = performance.now();
    const run = await notify({ channels: ['partners'] });
    expect(performance.now() - started).toBeLessThan(10_000);
    const detail = 'HTTP 400 "\\u001B[2J\\u001B]52;c;aGVsbG8=\\u0007bad request \\u202Eevil"';
    expect(run.lines.at(-1)).toBe(`partners (webhook): FAILED: sent 0 of 5 updates; ${NEW_IDS.map((id) => `${id}: ${detail}`).join('; ')}`);
    expect(run.output).not.toMatch(/[\u001b\u0007\u202e]/);
    // Each answer was left after a few kilobytes: the receiver wrote no more than its socket buffers took.
    for (const request of http.at(PATHS.hook)) expect(request.answered).toBeLessThan(64 * 1024 * 1024);
  });

  it('cuts a long refusal to its first 200 characters', async () => {
    http.answer(PATHS.hook, { status: 400, body: 'word '.repeat(2000) });
    const run = await notify({ channels: ['partners'] });
    expect(run.lines.at(-1)).toContain(`${NEW_IDS[0]}: HTTP 400 "${'word '.repeat(40).slice(0, 199)}…";`);
  });

  it('never shows the start of a secret that the read limit cut in two', async () => {
    http.answer(PATHS.hook, { status: 400, body: `refused ${' '.repeat(4090)}hook-path-5d1e` });
    const run = await notify({ channels: ['partners'] });
    expect(run.lines.at(-1)).toContain(`${NEW_IDS[0]}: HTTP 400 "refused"`);
    expect(run.output).not.toContain('hook-p');
  });

  it.each([
    ['whose body breaks off', { status: 200, body: 'ok', hangUp: true }],
    ['whose body is 600 MB', { status: 200, flood: 600 * 1024 * 1024 }],
  ])('counts a 2xx %s as sent, once, without retrying or reading it', async (_, answer) => {
    http.answer(PATHS.hook, answer);
    const run = await notify({ channels: ['partners'] });
    expect(run.code).toBe(0);
    expect(run.lines.at(-1)).toBe('partners (webhook): sent 5 updates');
    expect(hookIds()).toEqual(NEW_IDS);
    expect(run.errors).toEqual([]);
    for (const request of http.at(PATHS.hook)) expect(request.answered).toBeLessThan(64 * 1024 * 1024);
  });

  it("shows an SMTP server's refusal as one short line, escapes shown and not obeyed, the login taken out", async () => {
    // A server that refuses at its greeting, as a hostile one may, with terminal escapes and a long tail.
    const server = createServer((socket) => socket.end(`554 no entry for ${SMTP_USER}\u001b[2J\u001b]52;c;aGVsbG8=\u0007 ${'x'.repeat(400)}\r\n`));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const run = await notify({ channels: ['customers'], env: env({ SMTP_URL: `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${port}` }) });
      expect(run.code).toBe(1);
      const excerpt = `554 no entry for $SMTP_URL\\u001B[2J\\u001B]52;c;aGVsbG8=\\u0007 ${'x'.repeat(400)}`.slice(0, 199);
      expect(run.lines.at(-1)).toBe(`customers (email): FAILED: sent 0 of 5 updates; ${NEW_IDS.map((id) => `${id}: SMTP ${excerpt}…`).join('; ')}`);
      expect(run.output).not.toMatch(/[\u001b\u0007]/);
      for (const secret of [SMTP_USER, SMTP_PASS]) expect(run.output).not.toContain(secret);
    } finally {
      server.close();
    }
  });

  it('refuses a channel address with a user name and password in one line, naming no secret, and tries nothing', async () => {
    const run = await notify({ channels: ['partners'], env: env({ HOOK_URL: `http://hook-user:pa55-secret-41@${http.url.slice('http://'.length)}${PATHS.hook}` }) });
    expect(run.code).toBe(1);
    expect(run.lines.at(-1)).toBe(`partners (webhook): FAILED: sent nothing of 5 updates: HOOK_URL holds an address with a user name or password (user:pass@…), which a webhook address cannot carry (${site.dir}/notify.yaml:14); give the address without them`);
    expect(run.errors).toEqual(['notify: 1 channel failed: partners (webhook)']);
    expect(http.requests).toHaveLength(0);
    for (const secret of ['hook-user', 'pa55-secret-41', 'hook-path-5d1e']) expect(run.output).not.toContain(secret);
  });

  it('refuses a --since address with a user name and password up front, in one line that does not repeat it', async () => {
    const run = await notify({ since: `http://viewer:since-pass-31@${http.url.slice('http://'.length)}/live/api/v1/updates.json` });
    expect(run.code).toBe(2);
    expect(run.lines).toEqual([]);
    expect(run.errors).toEqual(['notify: --since holds a user name or password (user:pass@…), which notify neither sends nor prints; give the address without them (updates.json is public), or download it first and give the file; nothing was sent']);
    expect(http.requests).toHaveLength(0);
  });
});
