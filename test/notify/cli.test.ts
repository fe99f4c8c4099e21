/**
 * The commands as an operator runs them, as processes: `npm run notify`
 * (scripts/notify.ts) against the real receivers, and `npm run check`'s
 * content check on a broken notify.yaml.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeContentFolder } from '../builders.ts';
import { startHttpReceiver, type HttpReceiver } from './receivers.ts';
import { NEW_IDS, publishedSite } from './site.ts';

const run = promisify(execFile);
const SECRET = 'cli-hook-secret-29d8';

async function command(script: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], { env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let http: HttpReceiver;
beforeAll(async () => {
  http = await startHttpReceiver(SECRET);
});
afterAll(() => http.close());

describe('npm run notify, as a process', () => {
  it('sends, reports per channel, names the failing channel, exits 1, and prints no secret', { timeout: 60_000 }, async () => {
    const site = await publishedSite(`- id: partners
  type: webhook
  url: env:HOOK_URL
  secret: env:HOOK_SECRET
- id: ops
  type: slack
  url: env:SLACK_URL
`);
    http.answer('/hook/token-a1', { status: 204 });
    http.answer('/slack/token-b2', { status: 503, headers: { 'retry-after': '0' }, body: 'no route for /slack/token-b2' });
    const env = {
      STATUS_CONTENT_DIR: site.dir,
      STATUS_OUT_DIR: site.outDir,
      HOOK_URL: `${http.url}/hook/token-a1`,
      HOOK_SECRET: SECRET,
      SLACK_URL: `${http.url}/slack/token-b2`,
    };
    const result = await command('scripts/notify.ts', ['--since', site.previous], env);
    expect(result.code).toBe(1);
    expect(http.at('/hook/token-a1').map((request) => [JSON.parse(request.body).id, request.signature])).toEqual(NEW_IDS.map((id) => [id, 'valid']));
    expect(http.at('/slack/token-b2')).toHaveLength(4);
    expect(result.stdout).toContain('partners (webhook): sent 5 updates');
    expect(result.stdout).toContain(`ops (slack): FAILED: sent 0 of 5 updates; ${NEW_IDS[0]}: HTTP 503 "no route for $SLACK_URL", after 4 attempts; 4 updates after it not tried`);
    expect(result.stderr.trim().split('\n').at(-1)).toBe('notify: 1 channel failed: ops (slack)');
    for (const secret of ['token-a1', 'token-b2', SECRET]) expect(`${result.stdout}${result.stderr}`).not.toContain(secret);
  });

  it('reads the secrets notify.yaml names from STATUS_SECRETS, a JSON object as a CI writes its whole secret store', { timeout: 60_000 }, async () => {
    const site = await publishedSite(`- id: partners
  type: webhook
  url: env:HOOK_URL
  secret: env:HOOK_SECRET
`);
    http.answer('/hook/token-c3', { status: 204 });
    const secrets = JSON.stringify({ HOOK_URL: `${http.url}/hook/token-c3`, HOOK_SECRET: SECRET, github_token: 'ghs_unused' });
    const result = await command('scripts/notify.ts', ['--since', site.previous], { STATUS_CONTENT_DIR: site.dir, STATUS_OUT_DIR: site.outDir, STATUS_SECRETS: secrets });
    expect(result.code, result.stderr).toBe(0);
    expect(http.at('/hook/token-c3').map((request) => request.signature)).toEqual(NEW_IDS.map(() => 'valid'));
    for (const secret of ['token-c3', SECRET]) expect(`${result.stdout}${result.stderr}`).not.toContain(secret);
  });

  it('refuses a STATUS_SECRETS that is not a JSON object in one line, without showing it', async () => {
    const result = await command('scripts/notify.ts', ['--since', 'x.json'], { STATUS_SECRETS: '["hunter2"]' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('notify: STATUS_SECRETS is not a JSON object of names and values (as ${{ toJSON(secrets) }} writes it); its value is not shown');
  });

  it('refuses an unknown option with its usage and exit code 2', async () => {
    const result = await command('scripts/notify.ts', ['--sicne', 'x.json'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^notify: Unknown option '--sicne'.*\nusage: npm run notify -- --since/s);
  });
});

describe('npm run check, on notify.yaml', () => {
  it('reports its mistakes as path:line: what; fix, and never asks for the secrets themselves', { timeout: 60_000 }, async () => {
    const dir = writeContentFolder({
      'notify.yaml': '- id: ops\n  type: slak\n  url: env:SLACK_URL\n- id: mail\n  type: email\n  to: a@example.com\n  from: s@example.com\n  smtp: smtp://u:hunter2@mail.example.com\n  services: [ecss]\n',
    });
    const result = await command('scripts/check-content.ts', [], { STATUS_CONTENT_DIR: dir, SLACK_URL: '' });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').slice(0, 3)).toEqual([
      `${dir}/notify.yaml:2: unknown channel type 'slak'; did you mean 'slack'?`,
      `${dir}/notify.yaml:8: 'smtp' is written out in notify.yaml: it is a secret and must not be in git; keep it in an environment variable (a CI secret), write 'smtp: env:MAIL_SMTP_URL', and replace the secret, since git history keeps it`,
      `${dir}/notify.yaml:9: unknown service 'ecss'; did you mean 'ecs'? (services are in services.yaml)`,
    ]);
    expect(result.stderr).not.toContain('hunter2');
    expect(result.stderr).not.toContain('SLACK_URL');
  });
});
