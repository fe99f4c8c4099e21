/**
 * Corrections for editors, on real git repositories (git init in a
 * temporary folder): `npm run check -- --since <revision>` judges the
 * working tree against a revision, and `npm run correct` makes a change and
 * its Correction in one step.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath, readContentFiles, resolveContent } from '../../src/contract/load-content.ts';
import { computeLedger } from '../../src/core/ledger.ts';
import { checkCommand, updateCommand } from '../../src/editor/commands.ts';
import { correctCommand } from '../../src/editor/correct.ts';
import { DESIGN_EXAMPLE, SITE_YAML, writeContentFolder } from '../builders.ts';

/** 2025-03-01 10:00 in Asia/Shanghai, the test site's zone. */
const NOW = Date.parse('2025-03-01T02:00:00Z') / 1000;
const ID = '2025-01-18-hangzhou-power';
const FILE = `incidents/2025/${ID}.md`;

/** Runs git in `dir`, isolated from the machine's configuration; throws with git's words when it fails. */
function git(dir: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Editor',
      GIT_AUTHOR_EMAIL: 'editor@example.com',
      GIT_COMMITTER_NAME: 'Editor',
      GIT_COMMITTER_EMAIL: 'editor@example.com',
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * A git repository whose content folder (`status/`, as a site keeps it
 * beside its code) holds `files`, committed as the published version; the
 * commands run against it as of `now`.
 */
function published(files: Record<string, string> = { [FILE]: DESIGN_EXAMPLE }, now = NOW) {
  const repo = writeContentFolder({}, 'status-ledger-repo-');
  const dir = path.join(repo, 'status');
  const content = writeContentFolder(files);
  renameSync(content, dir);
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'published');
  const env = { STATUS_CONTENT_DIR: dir, SOURCE_DATE_EPOCH: String(now) };
  const output = (result: { code: number; stdout: string; stderr: string }) => ({ code: result.code, output: `${result.stdout}${result.stderr}`.trim() });
  const file = (name: string) => path.join(dir, name);
  return {
    repo,
    dir,
    /** The path of a content file as messages show it. */
    shown: (name: string) => displayPath(file(name)),
    read: (name = FILE) => readFileSync(file(name), 'utf8'),
    write: (name: string, text: string) => {
      mkdirSync(path.dirname(file(name)), { recursive: true });
      writeFileSync(file(name), text);
    },
    edit: (change: (text: string) => string, name = FILE) => writeFileSync(file(name), change(readFileSync(file(name), 'utf8'))),
    remove: (name = FILE) => rmSync(file(name)),
    commit: (message = 'change') => {
      git(repo, 'add', '-A');
      git(repo, 'commit', '-q', '-m', message);
    },
    check: async (...args: string[]) => output(await checkCommand(env, args)),
    correct: async (...args: string[]) => output(await correctCommand(args, env)),
    update: async (...args: string[]) => output(await updateCommand(args, env)),
    ledger: async () => {
      const { content, problems } = resolveContent(await readContentFiles(dir), now * 1000);
      expect(problems).toEqual([]);
      return computeLedger(content, now * 1000);
    },
  };
}

/** A Correction update, as an editor writes one by hand, added above the newest update. */
const withCorrection = (text: string, at = '2025-03-01 09:00') => text.replace('## Resolved —', `## Correction — ${at}\nThe end was logged late.\n\n## Resolved —`);

describe('npm run check -- --since <revision>', () => {
  it('refuses an uncommitted change to a published, resolved incident’s figures, naming the field, old → new, at its line', async () => {
    const site = published();
    site.edit((text) => text.replace('resolved: 2025-01-18 03:40', 'resolved: 2025-01-18 03:52'));
    expect((await site.check()).code).toBe(0);
    const result = await site.check('--since', 'HEAD');
    expect(result.code).toBe(1);
    expect(result.output).toBe(
      `${site.shown(FILE)}:5: 'resolved' changed since HEAD, where '${ID}' was resolved and published: 2025-01-18 03:40 +08:00 → 2025-01-18 03:52 +08:00, with no new Correction update; ` +
        `say what changed and why in a '## Correction — <time>' update (npm run correct -- ${ID} "<why>" --set … writes both), or undo the change\n\n1 problem in ${site.dir}; nothing was built.`,
    );
  });

  it('judges committed changes too: everything since the revision', async () => {
    const site = published();
    site.edit((text) => text.replace('level: major-outage', 'level: partial-outage'));
    site.commit();
    expect((await site.check('--since', 'HEAD~1')).output).toContain(`:6: 'level' changed since HEAD~1, where '${ID}' was resolved and published: major-outage → partial-outage`);
    expect((await site.check('--since', 'HEAD')).code).toBe(0);
  });

  it('accepts the change once a new Correction update says so', async () => {
    const site = published();
    site.edit((text) => withCorrection(text.replace('resolved: 2025-01-18 03:40', 'resolved: 2025-01-18 03:52')));
    const result = await site.check('--since', 'HEAD');
    expect(result).toMatchObject({ code: 0 });
    expect(result.output).toMatch(/^.*: 1 incident, 4 services, 2 SLA policies, no problems; 1 incident file changed since HEAD, every published figure change with its Correction \(\d+ ms\)$/);
  });

  it('counts no incident file changed when only a translation changed: a translation holds words, no figure', async () => {
    const translation = `incidents/2025/${ID}.zh-CN.md`;
    const site = published({ 'site.yaml': `${SITE_YAML}languages: [zh-CN]\n`, [FILE]: DESIGN_EXAMPLE, [translation]: '---\ntitle: 杭州可用区 H 实例无法访问\n---\n' });
    site.edit((text) => text.replace('杭州可用区 H', '杭州 H 区'), translation);
    const result = await site.check('--since', 'HEAD');
    expect(result).toMatchObject({ code: 0 });
    expect(result.output).toContain('no problems; 0 incident files changed since HEAD, every published figure change with its Correction');
  });

  it.each([
    ['the same instant with an offset', (text: string) => text.replace('resolved: 2025-01-18 03:40', 'resolved: 2025-01-17T19:40Z')],
    ['seconds written out', (text: string) => text.replace('started: 2025-01-18 02:11', 'started: 2025-01-18 02:11:00')],
    ['a plain id written as an object with the same values', (text: string) => text.replace('  - ecs\n', '  - service: ecs\n    level: major-outage\n')],
    ['words only: the summary and an update', (text: string) => text.replace('A power feed', 'One power feed').replace('Power is restored', 'Power came back')],
  ])('takes %s as no change: figures are compared as values, not text', async (_, change) => {
    const site = published();
    site.edit(change);
    expect(await site.check('--since', 'HEAD')).toMatchObject({ code: 0 });
  });

  it.each([
    ['started', (text: string) => text.replace('started: 2025-01-18 02:11', 'started: 2025-01-18 02:05'), ":4: 'started' changed", '2025-01-18 02:11 +08:00 → 2025-01-18 02:05 +08:00'],
    ['cause', (text: string) => text.replace('cause: platform', 'cause: third-party'), ":3: 'cause' changed", 'platform → third-party'],
    ['cause removed', (text: string) => text.replace('cause: platform\n', ''), ":2: 'cause' changed", 'platform → not set'],
    ['an entry’s own end', (text: string) => text.replace('to: 2025-01-18 02:50', 'to: 2025-01-18 02:40'), ":12: 'affected.oss.to' changed", '2025-01-18 02:50 +08:00 → 2025-01-18 02:40 +08:00'],
    ['an entry’s own level', (text: string) => text.replace('level: partial-outage', 'level: major-outage'), ":10: 'affected.oss.level' changed", 'partial-outage → major-outage'],
    ['a service added', (text: string) => text.replace('  - ecs\n', '  - ecs\n  - cdn\n'), ":9: 'affected.cdn' changed", 'not affected → major-outage, 2025-01-18 02:11 +08:00 to 2025-01-18 03:40 +08:00'],
    ['a service removed', (text: string) => text.replace('  - ecs\n', ''), ":7: 'affected.ecs' changed", 'major-outage, 2025-01-18 02:11 +08:00 to 2025-01-18 03:40 +08:00 → not affected'],
  ])('refuses a change to %s without a Correction', async (_, change, where, values) => {
    const site = published();
    site.edit(change);
    const result = await site.check('--since', 'HEAD');
    expect(result.code).toBe(1);
    expect(result.output).toContain(`${site.shown(FILE)}${where} since HEAD, where '${ID}' was resolved and published: ${values}, with no new Correction update`);
  });

  it('names the incident’s field once when an entry takes its value from it', async () => {
    const site = published();
    site.edit((text) => text.replace('resolved: 2025-01-18 03:40', 'resolved: 2025-01-18 03:52'));
    const lines = (await site.check('--since', 'HEAD')).output.split('\n').filter((line) => line.includes('changed since'));
    // ecs is a plain id: its end is 'resolved', named once; oss has its own end, which did not change.
    expect(lines.map((line) => /'([^']+)' changed/.exec(line)![1])).toEqual(['resolved']);
  });

  it.each([
    ['deleted', (site: ReturnType<typeof published>) => site.remove()],
    ['renamed away', (site: ReturnType<typeof published>) => git(site.repo, 'mv', `status/${FILE}`, 'status/incidents/2025/2025-01-18-power.md')],
  ])('refuses a published, resolved incident %s: its page would go', async (_, change) => {
    const site = published();
    change(site);
    const result = await site.check('--since', 'HEAD');
    expect(result.code).toBe(1);
    expect(result.output).toContain(
      `${site.shown(FILE)}:1: the incident '${ID}', resolved and published at HEAD, is gone (deleted or renamed): its page and every link to it would go; ` +
        `restore it (git checkout HEAD -- ${site.shown(FILE)}); to take back one posted by mistake, withdraw it: npm run correct -- ${ID} "<why>" --withdraw`,
    );
  });

  it('lets a published incident move to another folder under the same id: its page stays', async () => {
    const site = published();
    git(site.repo, 'mv', `status/${FILE}`, `status/incidents/${ID}.md`);
    expect(await site.check('--since', 'HEAD')).toMatchObject({ code: 0 });
  });

  it('lets an incident that was still open at the revision change freely, and a new one be added', async () => {
    const open = DESIGN_EXAMPLE.replace('resolved: 2025-01-18 03:40\n', '').replace(/## Resolved[^#]*/, '');
    const site = published({ [FILE]: open });
    site.edit((text) => text.replace('started: 2025-01-18 02:11', 'started: 2025-01-18 02:00').replace('level: major-outage', 'level: partial-outage'));
    site.write('incidents/2025/2025-02-01-new.md', '---\ntitle: New\nstarted: 2025-02-01 10:00\nresolved: 2025-02-01 10:30\naffected: [ecs]\n---\n## Resolved — 2025-02-01 10:30\nDone.\n');
    expect(await site.check('--since', 'HEAD')).toMatchObject({ code: 0 });
  });

  it('lets a resolved notice change or go: it has no figures a customer claims on', async () => {
    const notice = '---\ntitle: New region\nkind: notice\nstarted: 2025-02-01 10:00\nresolved: 2025-02-10 10:00\n---\n## Resolved — 2025-02-10 10:00\nOver.\n';
    const site = published({ 'incidents/2025/2025-02-01-region.md': notice, 'incidents/2025/2025-02-02-other.md': notice });
    site.edit((text) => text.replace('resolved: 2025-02-10 10:00', 'resolved: 2025-02-10 10:00').replace('started: 2025-02-01 10:00', 'started: 2025-02-01 09:00'), 'incidents/2025/2025-02-01-region.md');
    site.remove('incidents/2025/2025-02-02-other.md');
    expect(await site.check('--since', 'HEAD')).toMatchObject({ code: 0 });
  });

  it('refuses a published Correction taken out again', async () => {
    const site = published({ [FILE]: withCorrection(DESIGN_EXAMPLE, '2025-02-01 10:00') });
    site.edit((text) => text.replace(/## Correction[^#]*/, ''));
    const result = await site.check('--since', 'HEAD');
    expect(result.output).toContain(`${site.shown(FILE)}:1: the Correction of 2025-02-01 10:00 +08:00, published at HEAD, is gone; restore it: a published Correction stays on record; add a new Correction to correct it`);
  });

  it('names a full commit id by its first 12 characters', async () => {
    const site = published();
    const commit = git(site.repo, 'rev-parse', 'HEAD');
    site.edit((text) => text.replace('cause: platform', 'cause: customer'));
    expect((await site.check('--since', commit)).output).toContain(`changed since ${commit.slice(0, 12)}, where`);
  });

  it.each([
    ['a revision that is not a commit', (site: ReturnType<typeof published>) => site.dir, 'no-such-branch', "--since 'no-such-branch' is not a commit in this repository; fetch it first (git fetch origin no-such-branch), or check the name"],
    ['an option instead of a revision', (site: ReturnType<typeof published>) => site.dir, '--output=x', "--since '--output=x' is not a git revision; give a commit, branch or tag, e.g. --since origin/main"],
  ])('says in one line when it is given %s', async (_, _dir, revision, message) => {
    const site = published();
    expect(await site.check(`--since=${revision}`)).toEqual({ code: 1, output: message });
  });

  it('says in one line when the content folder is not in a git repository', async () => {
    const dir = writeContentFolder({ [FILE]: DESIGN_EXAMPLE });
    const result = await checkCommand({ STATUS_CONTENT_DIR: dir, SOURCE_DATE_EPOCH: String(NOW), GIT_CEILING_DIRECTORIES: path.dirname(dir) }, ['--since', 'HEAD']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^.* is not in a git repository \(.*\); --since compares the content with a git revision\n$/);
  });
});

describe('npm run correct', () => {
  it('changes a figure and writes the Correction, old → new then the reason, in one step; the check since the published commit passes', async () => {
    const site = published();
    const result = await site.correct(ID, 'The load balancer logged errors until 03:52.', '--set', 'resolved=2025-01-18 03:52');
    expect(result).toEqual({ code: 0, output: `corrected ${site.shown(FILE)}:\n- resolved: 2025-01-18 03:40 → 2025-01-18 03:52` });
    const text = site.read();
    expect(text).toContain('resolved: 2025-01-18 03:52\n');
    expect(text).toContain('## Correction — 2025-03-01 10:00\n- resolved: 2025-01-18 03:40 → 2025-01-18 03:52\n\nThe load balancer logged errors until 03:52.\n\n## Resolved — 2025-01-18 03:45');
    // Everything else stays as it was.
    expect(text.replace('resolved: 2025-01-18 03:52', 'resolved: 2025-01-18 03:40').replace(/## Correction[^#]*/, '')).toBe(DESIGN_EXAMPLE);
    expect(await site.check('--since', 'HEAD')).toMatchObject({ code: 0 });
  });

  it('gives a plain id its own fields, adds and removes services, and names each change', async () => {
    const site = published();
    const result = await site.correct(ID, 'Storage was hit harder, and the CDN too.', '--set', 'affected.ecs.to=2025-01-18 03:30', '--set', 'affected.oss.level=major-outage', '--set', 'affected.cdn.level=partial-outage');
    expect(result.code).toBe(0);
    expect(result.output.split('\n').slice(1)).toEqual([
      '- affected.ecs.to: 2025-01-18 03:40 → 2025-01-18 03:30',
      '- affected.oss.level: partial-outage → major-outage',
      '- affected.cdn: not affected → partial-outage, 2025-01-18 02:11 to 2025-01-18 03:40',
    ]);
    expect(site.read()).toContain('  - service: ecs\n    to: 2025-01-18 03:30\n  - service: oss\n    level: major-outage\n');
    expect((await site.correct(ID, 'The CDN was not affected after all.', '--remove', 'affected.cdn', '--at', '2025-03-01 10:01')).output).toContain('- affected.cdn: partial-outage, 2025-01-18 02:11 to 2025-01-18 03:40 → not affected');
    expect(await site.check('--since', 'HEAD')).toMatchObject({ code: 0 });
  });

  it('withdraws an incident posted by mistake: every window zero-length, no minute counted, its page kept, its months marked corrected', async () => {
    const site = published();
    const result = await site.correct(ID, 'Posted by mistake: this was a drill.', '--withdraw');
    expect(result.output.split('\n').slice(1)).toEqual([
      '- affected.ecs.to: 2025-01-18 03:40 → 2025-01-18 02:11',
      '- affected.oss.to: 2025-01-18 02:50 → 2025-01-18 02:30',
    ]);
    expect(await site.check('--since', 'HEAD')).toMatchObject({ code: 0 });
    const ledger = await site.ledger();
    const entry = ledger.byId.get(ID)!;
    expect(entry).toMatchObject({ withdrawn: true, status: 'resolved' });
    expect(entry.correction!.text.en!.markdown).toContain('Posted by mistake: this was a drill.');
    expect(entry.impacts.map((impact) => impact.months)).toEqual([[], []]);
    for (const service of ['ecs', 'oss']) {
      const months = ledger.serviceById.get(service)!.months;
      expect(months.map((month) => [month.month, month.minutes, month.availability, month.corrected])).toEqual([['2025-01', 0, 100, { at: Date.parse('2025-03-01T02:00:00Z'), incidents: [ID] }]]);
    }
  });

  it.each([
    [[ID], `say why after the id: npm run correct -- ${ID} "<why>" …; a correction is public, and customers read its reason`],
    [[ID, 'Why.'], 'nothing to correct: give --set <field>=<value>, --remove affected.<service>, or --withdraw'],
    [[ID, 'Why.', '--set', 'title=Other'], "'title' is not a field a correction changes; "],
    [[ID, 'Why.', '--set', 'resolved'], "--set 'resolved' has no value; write --set <field>=<value>"],
    [[ID, 'Why.', '--set', 'resolved=soon'], "--set resolved: 'soon' is not a time; write it as YYYY-MM-DD HH:mm (in Asia/Shanghai)"],
    [[ID, 'Why.', '--set', 'resolved=2025-01-17T19:40Z'], `nothing to correct: ${ID}'s figures would stay as they are; nothing was written`],
    [[ID, 'Why.', '--withdraw', '--set', 'level=major-outage'], '--withdraw takes every window back: give it without --set or --remove'],
    [[ID, 'Why.', '--set', 'resolved=2025-01-18 01:00'], "'resolved' (2025-01-18 01:00 +08:00) is before 'started' (2025-01-18 02:11 +08:00)"],
    [[ID, 'Why.', '--remove', 'affected.cdn'], "'cdn' is not affected; nothing to remove"],
  ])('refuses %j with one line, and writes nothing', async (args, message) => {
    const site = published();
    const result = await site.correct(...args);
    expect(result.code).toBe(1);
    expect(result.output).toContain(message);
    expect(site.read()).toBe(DESIGN_EXAMPLE);
  });

  describe('files as editors save them: only what the correction changes differs', () => {
    const ANNOTATED = DESIGN_EXAMPLE.replace('cause: platform\n', 'cause: platform        # whose fault\n').replace('resolved: 2025-01-18 03:40\n', "resolved: '2025-01-18 03:40'   # the load balancer's last error\n");
    const CORRECTION = '## Correction — 2025-03-01 10:00\n- resolved: 2025-01-18 03:40 → 2025-01-18 03:52\n\nLogged late.\n\n## Resolved';
    const expected = (text: string) => text.replace("'2025-01-18 03:40'", '2025-01-18 03:52').replace('## Resolved', CORRECTION);

    it.each([
      ['LF, with comments and quotes', ANNOTATED, expected(ANNOTATED)],
      ['CRLF', ANNOTATED.replace(/\n/g, '\r\n'), expected(ANNOTATED).replace(/\n/g, '\r\n')],
      ['CR only', ANNOTATED.replace(/\n/g, '\r'), expected(ANNOTATED).replace(/\n/g, '\r')],
      ['a byte order mark', `\uFEFF${ANNOTATED}`, `\uFEFF${expected(ANNOTATED)}`],
    ])('keeps a file with %s as it was but for the value and the Correction', async (_, text, after) => {
      const site = published({ [FILE]: text });
      expect((await site.correct(ID, 'Logged late.', '--set', 'resolved=2025-01-18 03:52')).code).toBe(0);
      expect(site.read()).toBe(after);
      expect(await site.check('--since', 'HEAD')).toMatchObject({ code: 0 });
    });

    it('removes the cause, and a service, line by line', async () => {
      const site = published({ [FILE]: ANNOTATED });
      expect((await site.correct(ID, 'Not ours after all.', '--remove', 'cause', '--remove', 'affected.oss')).code).toBe(0);
      const text = site.read();
      expect(text.slice(0, text.indexOf('## Correction'))).toBe(
        ANNOTATED.slice(0, ANNOTATED.indexOf('## Resolved')).replace('cause: platform        # whose fault\n', '').replace('  - service: oss\n    level: partial-outage\n    from: 2025-01-18 02:30\n    to: 2025-01-18 02:50\n', ''),
      );
    });

    it('refuses a maintenance window on an incident in one line', async () => {
      const site = published();
      expect(await site.correct(ID, 'Why.', '--set', 'scheduled.from=2025-01-18 02:00')).toEqual({
        code: 1,
        output: `--set scheduled.from: ${ID} is an incident; 'scheduled' is a maintenance's announced window; nothing was written`,
      });
      expect(site.read()).toBe(DESIGN_EXAMPLE);
    });
  });

  it('refuses an incident that is not resolved yet, and a notice', async () => {
    const open = DESIGN_EXAMPLE.replace('resolved: 2025-01-18 03:40\n', '').replace(/## Resolved[^#]*/, '');
    const notice = '---\ntitle: New region\nkind: notice\nstarted: 2025-02-01 10:00\nresolved: 2025-02-10 10:00\n---\n## Resolved — 2025-02-10 10:00\nOver.\n';
    const site = published({ [FILE]: open, 'incidents/2025/2025-02-01-region.md': notice });
    expect((await site.correct(ID, 'Why.', '--set', 'level=partial-outage')).output).toBe(
      `${ID} is not resolved: change its figures with npm run update -- ${ID} and the changes (npm run update -- --help lists them); a correction is for a resolved incident's figures; nothing was written`,
    );
    expect((await site.correct('2025-02-01-region', 'Why.', '--set', 'started=2025-02-01 09:00')).output).toBe(
      '2025-02-01-region is a notice: it has no figures to correct; say what changed with npm run update -- 2025-02-01-region update "<what changed>"; nothing was written',
    );
  });

  it('leaves Corrections to npm run correct: npm run update points there', async () => {
    const site = published();
    expect(await site.update(ID, 'correction', 'x')).toEqual({
      code: 1,
      output: `a Correction changes figures and says so in one step: npm run correct -- ${ID} "<why>" --set <field>=<value>`,
    });
    expect(existsSync(path.join(site.dir, FILE))).toBe(true);
  });
});
