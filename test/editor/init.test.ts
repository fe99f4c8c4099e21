import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles, resolveContent } from '../../src/contract/load-content.ts';
import { availabilityPercent, creditPercent, tierFor } from '../../src/core/compensation.ts';
import { computeLedger } from '../../src/core/ledger.ts';
import { checkCommand } from '../../src/editor/commands.ts';
import { initCommand } from '../../src/editor/init.ts';

/** 2025-03-01 10:00 UTC: now for every init here. */
const NOW = Date.parse('2025-03-01T10:00:00Z');
const env = { SOURCE_DATE_EPOCH: String(NOW / 1000) };

function newFolder(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'status-ledger-init-')), 'status');
}

async function init(...argv: string[]) {
  const result = await initCommand(argv, env);
  return { code: result.code, output: `${result.stdout}${result.stderr}`.trim() };
}

describe('npm run init', () => {
  it('writes a content folder that the check passes, with one resolved example incident', async () => {
    const dir = newFolder();
    const result = await init(dir, '--time-zone', 'Europe/Berlin');
    expect(result.code).toBe(0);
    expect(result.output.split('\n')[0]).toBe(`wrote ${dir}: site.yaml, services.yaml, sla.yaml, incidents/2025/2025-02-26-example-api-errors.md`);
    expect((await checkCommand({ ...env, STATUS_CONTENT_DIR: dir })).stdout).toMatch(/: 1 incident, 4 services, 1 SLA policy, no problems/);
    const { content } = resolveContent(await readContentFiles(dir), NOW);
    expect(content.site).toMatchObject({ title: { en: 'Example Cloud Status' }, url: 'https://status.example.com', timeZone: 'Europe/Berlin' });
    const [example] = content.incidents;
    expect([example!.resolved !== null, example!.postmortem!.en!.actions.length, example!.affected.length]).toEqual([true, 2, 2]);
    // 89 minutes of partial outage on the API: 26.7 weighted minutes in 28 days is below 99.95%, so a refund is owed and claimed by ticket.
    const api = computeLedger(content, NOW).services.find((service) => service.service.id === 'api')!;
    expect(api.months).toMatchObject([{ month: '2025-02', minutes: 26.7, tier: { id: 'prorated' }, final: true, claim: { how: 'ticket' } }]);
  });

  it('takes the title and address, and writes the title so that it reads back as typed', async () => {
    const dir = newFolder();
    expect((await init(dir, '--title', 'Acme: Status #1', '--url', 'https://acme.example/status', '--time-zone', 'UTC')).code).toBe(0);
    const { content, problems } = resolveContent(await readContentFiles(dir), NOW);
    expect(problems).toEqual([]);
    expect(content.site).toMatchObject({ title: { en: 'Acme: Status #1' }, url: 'https://acme.example/status' });
  });

  describe('its policy is in the shape of the usual tiers', () => {
    it.each([
      ['21.6 minutes in a 30-day month: exactly 99.95%, nothing owed', 21.6, null, 0],
      ['23 minutes: the fee of the downtime', 23, 'prorated', 0.0532],
      ['432 minutes: exactly 99%, still only the refund', 432, 'prorated', 1],
      ['433 minutes: below 99%, the refund plus 10%', 433, 'prorated-plus', 11.0023],
    ])('%s', async (_, minutes, tier, credit) => {
      const dir = newFolder();
      await init(dir, '--time-zone', 'UTC');
      const [policy] = resolveContent(await readContentFiles(dir), NOW).content.policies;
      const monthMinutes = 30 * 1440;
      const availability = availabilityPercent(minutes, monthMinutes);
      const found = tierFor(policy!, availability);
      expect(found?.id ?? null).toBe(tier);
      expect(creditPercent(policy!, found, minutes, monthMinutes)).toBeCloseTo(credit, 3);
    });
  });

  it.each([
    ['a folder with files in it', (dir: string) => (mkdirSync(dir), writeFileSync(path.join(dir, 'notes.txt'), 'x')), [], 'is not empty (1 entry); give a new or empty folder: init never writes over files; nothing was written'],
    ['a file', (dir: string) => writeFileSync(dir, 'x'), [], 'is a file; give a new or empty folder; nothing was written'],
    ['an unknown time zone', () => {}, ['--time-zone', 'Europe/Berlni'], "--time-zone: unknown time zone 'Europe/Berlni'; use an IANA zone such as Asia/Shanghai, Europe/Berlin or UTC"],
    ['an address with a password', () => {}, ['--url', 'https://user:secret@status.example.com'], "--url holds a user name or password: 'https://user:secret@status.example.com'; remove them: the address is public"],
  ])('refuses %s in one line, writing nothing', async (_, prepare, args, expected) => {
    const dir = newFolder();
    prepare(dir);
    const before = listing(dir);
    const result = await init(dir, ...args);
    expect(result.code).toBe(1);
    expect(result.output).toContain(expected);
    expect(result.output).not.toContain('\n');
    expect(listing(dir)).toEqual(before);
    if (args.length > 0) expect(existsSync(dir)).toBe(false);
  });

  it('asks for the folder, and answers --help', async () => {
    expect((await init()).output).toMatch(/^say which folder to write; usage: npm run init -- <folder>/);
    expect((await init('--help')).output).toMatch(/^npm run init: start a new content folder/);
  });
});

/** What a folder holds; nothing for a file or a missing folder. */
function listing(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}
