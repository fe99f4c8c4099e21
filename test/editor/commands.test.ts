import { chmodSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles, resolveContent } from '../../src/contract/load-content.ts';
import { formatProblem } from '../../src/contract/problems.ts';
import { updateAnchor } from '../../src/outputs/links.ts';
import { computeLedger } from '../../src/core/ledger.ts';
import { checkCommand, newCommand, postmortemCommand, resolveCommand, updateCommand } from '../../src/editor/commands.ts';
import { correctCommand } from '../../src/editor/correct.ts';
import { at, DESIGN_EXAMPLE, SITE_YAML, SLA_YAML, writeContentFolder } from '../builders.ts';

/** 2025-03-01 10:00 in Asia/Shanghai, the test site's zone: "now" for every command here. */
const NOW = Date.parse('2025-03-01T02:00:00Z') / 1000;

type Output = { code: number; output: string };

/** The commands run in this process against `dir`, with now pinned to `now` (seconds). */
function commandsFor(dir: string, now: number) {
  const env = { STATUS_CONTENT_DIR: dir, SOURCE_DATE_EPOCH: String(now) };
  const output = (result: { code: number; stdout: string; stderr: string }): Output => ({ code: result.code, output: `${result.stdout}${result.stderr}`.trim() });
  return {
    new: async (...args: string[]) => output(await newCommand(args, env)),
    update: async (...args: string[]) => output(await updateCommand(args, env)),
    resolve: async (...args: string[]) => output(await resolveCommand(args, env)),
    postmortem: async (...args: string[]) => output(await postmortemCommand(args, env)),
    correct: async (...args: string[]) => output(await correctCommand(args, env)),
    check: async () => output(await checkCommand(env)),
    /** The folder read back as the build reads it. */
    content: async () => resolveContent(await readContentFiles(dir), now * 1000),
  };
}

/** A content folder with `files`, and its commands as of `now`. */
function workspace(files: Record<string, string> = {}, now = NOW) {
  const dir = writeContentFolder(files);
  return {
    dir,
    file: (id: string) => path.join(dir, 'incidents', id.slice(0, 4), `${id}.md`),
    /** The same folder at another now. */
    at: (seconds: number) => commandsFor(dir, seconds),
    ...commandsFor(dir, now),
  };
}

const ID = '2025-03-01-storage-errors';

describe('the editor commands, in process', () => {
  it('open, update and resolve an incident, and the check passes', async () => {
    const folder = workspace();
    expect(await folder.new('Storage errors', '--services', 'oss,ecs', '--level', 'partial-outage', '--at', '2025-03-01 09:00')).toEqual({
      code: 0,
      output: `wrote ${folder.file(ID)}`,
    });
    expect((await folder.update(ID, 'identified', 'A full disk.', '--at', '2025-03-01 09:20')).code).toBe(0);
    expect((await folder.resolve(ID, 'Disk cleared.', '--at', '2025-03-01 09:45')).code).toBe(0);
    const text = readFileSync(folder.file(ID), 'utf8');
    expect(text).toContain('resolved: 2025-03-01 09:45');
    expect(text.indexOf('## Resolved — 2025-03-01 09:45')).toBeLessThan(text.indexOf('## Identified — 2025-03-01 09:20'));
    expect((await folder.check()).output).toContain('1 incident, 4 services, 2 SLA policies, no problems');
  });

  it.each([
    [{}, '0 incidents, 4 services, 2 SLA policies'],
    [{ 'sla.yaml': SLA_YAML.replace(/- id: fixed[\s\S]*$/, ''), 'services.yaml': '- id: ecs\n  name: Compute\n' }, '0 incidents, 1 service, 1 SLA policy'],
  ])('counts in the check’s summary with the right plural: %#', async (files, summary) => {
    expect((await workspace(files).check()).output).toContain(`${summary}, no problems`);
  });

  it('closes a maintenance with Completed, announced ahead of its window', async () => {
    const folder = workspace();
    expect((await folder.new('Upgrade', '--services', 'ecs', '--maintenance', '--from', '2025-03-05 01:00', '--to', '2025-03-05 03:00')).code).toBe(0);
    const inTheWindow = folder.at(Date.parse('2025-03-04T19:00:00Z') / 1000);
    expect((await inTheWindow.resolve('2025-03-05-upgrade', '--at', '2025-03-05 02:50')).code).toBe(0);
    expect(readFileSync(folder.file('2025-03-05-upgrade'), 'utf8')).toContain('## Completed — 2025-03-05 02:50\nThe maintenance is complete.');
  });

  it('writes nothing when the new file would not pass, and says why', async () => {
    const folder = workspace();
    const result = await folder.new('Storage errors', '--services', 'osss');
    expect(result.code).toBe(1);
    expect(result.output).toContain(`${folder.file(ID)}:5: unknown service 'osss'; did you mean 'oss'?`);
    expect(result.output).toContain('nothing was written');
    expect(readdirSync(folder.dir)).not.toContain('incidents');
  });

  describe('issue 10, item by item', () => {
    it('1. resolves an incident in the minute it was opened: a zero-length window is valid', async () => {
      const folder = workspace();
      expect((await folder.new('Storage errors', '--services', 'oss')).code).toBe(0);
      expect(await folder.resolve(ID, 'A blip.')).toEqual({ code: 0, output: `resolved ${folder.file(ID)}` });
      const { content, problems } = await folder.content();
      expect(problems).toEqual([]);
      expect(content.incidents[0]!.resolved).toBe(content.incidents[0]!.started);
    });

    it('2. refuses to resolve twice, leaving the file as it was', async () => {
      const folder = workspace();
      await folder.new('Storage errors', '--services', 'oss', '--at', '2025-03-01 09:00');
      await folder.resolve(ID, '--at', '2025-03-01 09:30');
      const before = readFileSync(folder.file(ID), 'utf8');
      const again = await folder.resolve(ID);
      expect(again.code).toBe(1);
      expect(again.output).toBe(
        `${ID} is resolved already at 2025-03-01 09:30; nothing was written (to change when it ended: npm run correct -- ${ID} "<why>" --set resolved="YYYY-MM-DD HH:mm", which adds a public Correction)`,
      );
      expect(readFileSync(folder.file(ID), 'utf8')).toBe(before);
    });

    it.each([
      ['an update before started', ['update', ID, 'monitoring', 'x', '--at', '2025-03-01 08:59'], ":8: the Monitoring update (2025-03-01 08:59 +08:00) is before 'started' (2025-03-01 09:00 +08:00)"],
      ['an update in the future', ['update', ID, 'monitoring', 'x', '--at', '2025-03-01 10:06'], ':8: the Monitoring update (2025-03-01 10:06 +08:00) is more than 5 minutes after now (2025-03-01 10:00 +08:00)'],
      ['a resolution before started', ['resolve', ID, '--at', '2025-03-01 08:00'], ":4: 'resolved' (2025-03-01 08:00 +08:00) is before 'started' (2025-03-01 09:00 +08:00)"],
      ['a resolution in the future', ['resolve', ID, '--at', '2025-03-01 11:00'], ":4: 'resolved' (2025-03-01 11:00 +08:00) is more than 5 minutes after now"],
    ])('3. refuses %s, and writes nothing', async (_, [command, ...args], expected) => {
      const folder = workspace();
      await folder.new('Storage errors', '--services', 'oss', '--at', '2025-03-01 09:00');
      const before = readFileSync(folder.file(ID), 'utf8');
      const result = await folder[command as 'update' | 'resolve'](...args!);
      expect(result.code).toBe(1);
      expect(result.output).toContain(`${folder.file(ID)}${expected}`);
      expect(result.output).toMatch(/nothing was written$/);
      expect(readFileSync(folder.file(ID), 'utf8')).toBe(before);
    });

    it('3. refuses an update after the incident was resolved', async () => {
      const folder = workspace();
      await folder.new('Storage errors', '--services', 'oss', '--at', '2025-03-01 09:00');
      await folder.resolve(ID, '--at', '2025-03-01 09:30');
      const result = await folder.update(ID, 'monitoring', 'Late news.', '--at', '2025-03-01 09:40');
      expect(result.code).toBe(1);
      expect(result.output).toContain("the Monitoring update (2025-03-01 09:40 +08:00) is after 'resolved' (2025-03-01 09:30 +08:00)");
    });

    it('3. refuses to complete a maintenance before its window', async () => {
      const folder = workspace();
      await folder.new('Upgrade', '--services', 'ecs', '--maintenance', '--from', '2025-03-05 01:00', '--to', '2025-03-05 03:00', '--at', '2025-03-01 09:00');
      const result = await folder.resolve('2025-03-05-upgrade');
      expect(result.code).toBe(1);
      expect(result.output).toContain("'resolved' (2025-03-01 10:00 +08:00) is before 'started' (2025-03-05 01:00 +08:00)");
    });

    it.each([
      ['in progress', 'an incident', ID, "'In progress' is not an incident status, and 2025-03-01-storage-errors is an incident; use one of: investigating, identified, monitoring, update"],
      ['identified', 'a maintenance', '2025-03-05-upgrade', "'Identified' is not a maintenance status, and 2025-03-05-upgrade is a maintenance; use one of: scheduled, in progress, verifying, update"],
    ])("4. refuses the status '%s' on %s", async (status, _, id, expected) => {
      const folder = workspace();
      await folder.new('Storage errors', '--services', 'oss', '--at', '2025-03-01 09:00');
      await folder.new('Upgrade', '--services', 'ecs', '--maintenance', '--from', '2025-03-05 01:00', '--to', '2025-03-05 03:00');
      expect(await folder.update(id, status, 'x')).toEqual({ code: 1, output: expected });
    });

    it('5. keeps a message that looks like our headings as text: one update, no invented ones', async () => {
      const folder = workspace();
      await folder.new('Storage errors', '--services', 'oss', '--at', '2025-03-01 09:00');
      const message = 'We saw this in the log:\n## Resolved — 2025-03-01 09:10\n  ## Update — 2025-03-01 09:11\n## Postmortem\nNothing else.';
      expect((await folder.update(ID, 'identified', message)).code).toBe(0);
      const { content, problems } = await folder.content();
      expect(problems).toEqual([]);
      expect(content.incidents[0]!.updates.map((update) => update.status)).toEqual(['identified', 'investigating']);
      expect(content.incidents[0]!.postmortem).toBeNull();
      expect(content.incidents[0]!.updates[0]!.text.en!.html).toContain('## Resolved — 2025-03-01 09:10');
    });

    it.each(['1.50', '1e3', '0x1F', 'null', 'yes', 'Errors: 50% #1'])('5. writes the title %j so that it reads back as typed', async (title) => {
      const folder = workspace();
      expect((await folder.new(title, '--services', 'oss')).code).toBe(0);
      const { content, problems } = await folder.content();
      expect(problems).toEqual([]);
      expect(content.incidents[0]!.title.en).toBe(title);
    });

    it.each([
      ['a cause with a newline', ['Storage errors', '--services', 'oss', '--cause', 'platform\nresolved: 2025-03-01 09:00'], "unknown --cause 'platform\nresolved: 2025-03-01 09:00'"],
      ['a title with a newline', ['Storage errors\nresolved: 2025-03-01 09:00', '--services', 'oss'], 'the title must be one line; nothing was written'],
      ['a service with a newline', ['Storage errors', '--services', 'oss\nresolved: 2025-03-01 09:00'], 'a service id must be one line; nothing was written'],
      ['a message with an open code block', ['Storage errors', '--services', 'oss', '--message', '```\nlog'], 'the text leaves a code block'],
    ])('5. refuses %s, writing nothing', async (_, args, expected) => {
      const folder = workspace();
      const result = await folder.new(...args);
      expect(result.code).toBe(1);
      expect(result.output).toContain(expected);
      expect(readdirSync(folder.dir)).not.toContain('incidents');
    });

    it('7. keeps updates of the same minute in the order they were posted, each with its own anchor', async () => {
      const folder = workspace();
      await folder.new('Storage errors', '--services', 'oss', '--at', '2025-03-01 09:00');
      for (const message of ['first', 'second', 'third']) expect((await folder.update(ID, 'update', message, '--at', '2025-03-01 09:30')).code).toBe(0);
      const incident = (await folder.content()).content.incidents[0]!;
      expect(incident.updates.map((update) => update.text.en!.html)).toEqual(['<p>third</p>', '<p>second</p>', '<p>first</p>', expect.stringContaining('investigating')]);
      const anchors = incident.updates.map((update) => updateAnchor(update, incident.updates));
      expect(new Set(anchors).size).toBe(4);
      expect(anchors[2]).toBe('update-20250301T013000-update');
    });

    it('8. refuses to write with a misspelt time zone in site.yaml instead of writing UTC times', async () => {
      const folder = workspace({ 'site.yaml': SITE_YAML.replace('Asia/Shanghai', 'Asia/Shangai') });
      const result = await folder.new('Storage errors', '--services', 'oss');
      expect(result.code).toBe(1);
      expect(result.output).toContain(`site.yaml:4: unknown time zone 'Asia/Shangai'`);
      expect(result.output).toMatch(/fix these first; nothing was written$/);
      expect(readdirSync(folder.dir)).not.toContain('incidents');
    });

    it('8. picks a new name when the id is taken by a .MD file in another folder', async () => {
      const folder = workspace({ [`incidents/old/${ID}.MD`]: DESIGN_EXAMPLE.replace('ecs\n  - service: oss', 'oss\n  - service: ecs') });
      expect(await folder.new('Storage errors', '--services', 'oss', '--at', '2025-03-01 09:00')).toEqual({ code: 0, output: `wrote ${folder.file(`${ID}-2`)}` });
      expect((await folder.content()).problems).toEqual([]);
    });

    it('9. the check lists every problem of a file in one run', async () => {
      const folder = workspace({ 'incidents/x.md': '---\ntitle: T\nstarted: 2025-03-01 9:00\naffected: [osss]\n---\n' });
      const result = await folder.check();
      expect(result.code).toBe(1);
      expect(result.output.split('\n').slice(0, 2)).toEqual([
        `${folder.dir}/incidents/x.md:3: 'started' is not a valid time: '2025-03-01 9:00'; write it as YYYY-MM-DD HH:mm, with an optional Z or ±HH:MM offset`,
        `${folder.dir}/incidents/x.md:4: unknown service 'osss'; did you mean 'oss'? (services are in services.yaml)`,
      ]);
    });

    it('10. suggests only a close id for an unknown one, and lists the open incidents', async () => {
      const folder = workspace({ 'incidents/2025/2025-01-18-hangzhou-power.md': DESIGN_EXAMPLE });
      await folder.new('Storage errors', '--services', 'oss', '--at', '2025-03-01 09:00');
      await folder.new('Console slow', '--services', 'console', '--at', '2025-03-01 09:10');
      expect(await folder.update('totally-different', 'monitoring', 'x')).toEqual({
        code: 1,
        output: `no incident 'totally-different' in ${folder.dir}/incidents\nopen incidents:\n  2025-03-01-storage-errors\n  2025-03-01-console-slow`,
      });
      expect((await folder.update('2025-03-01-storage-error', 'monitoring', 'x')).output).toContain("did you mean '2025-03-01-storage-errors'?");
    });
  });

  describe('the engine edges, on files the commands wrote', () => {
    const berlin = { 'site.yaml': SITE_YAML.replace('Asia/Shanghai', 'Europe/Berlin') };

    it('11. keeps the months of a maintenance that started early provisional while it runs', async () => {
      const folder = workspace({}, Date.parse('2025-01-31T16:30:00Z') / 1000);
      await folder.new('Upgrade', '--services', 'ecs', '--maintenance', '--from', '2025-02-01 01:00', '--to', '2025-02-01 03:00', '--at', '2025-01-30 10:00');
      // The work started at 23:00 on the 31st, two hours early: the editor sets 'started' by hand.
      const file = folder.file('2025-02-01-upgrade');
      writeFileSync(file, readFileSync(file, 'utf8').replace('affected:', 'started: 2025-01-31 23:00\naffected:'));
      const running = folder.at(Date.parse('2025-01-31T18:00:00Z') / 1000);
      expect((await running.update('2025-02-01-upgrade', 'in progress', 'Started early.', '--at', '2025-01-31 23:00')).code).toBe(0);
      const { content, problems } = await running.content();
      expect(problems).toEqual([]);
      const ledger = computeLedger(content, Date.parse('2025-01-31T18:00:00Z'));
      expect(ledger.services[0]!.months.map((month) => [month.month, month.final])).toEqual([
        ['2025-01', false],
        ['2025-02', false],
      ]);
    });

    it('12. counts an outage resolved in the hour DST repeats up to the earlier instant, and writes a second-pass now with its offset', async () => {
      const folder = workspace(berlin, Date.parse('2024-10-27T01:40:00Z') / 1000);
      await folder.new('Storage errors', '--services', 'oss', '--at', '2024-10-27 01:00');
      expect((await folder.resolve('2024-10-27-storage-errors', '--at', '2024-10-27 02:30')).code).toBe(0);
      expect((await folder.new('Console slow', '--services', 'ecs')).code).toBe(0);
      expect(readFileSync(folder.file('2024-10-27-console-slow'), 'utf8')).toContain('started: 2024-10-27 02:40 +01:00');
      const { content, problems } = await folder.content();
      expect(problems).toEqual([]);
      const ledger = computeLedger(content, Date.parse('2024-10-27T01:40:00Z'));
      expect(ledger.byId.get('2024-10-27-storage-errors')!.durationMinutes).toBe(90);
      expect(ledger.byId.get('2024-10-27-console-slow')!.incident.started).toBe(Date.parse('2024-10-27T01:40:00Z'));
    });

    it('13. gives a maintenance announced ahead one impact entry per service, with no months', async () => {
      const folder = workspace();
      await folder.new('Upgrade', '--services', 'ecs,oss', '--maintenance', '--from', '2025-03-05 01:00', '--to', '2025-03-05 03:00');
      const { content } = await folder.content();
      const impacts = computeLedger(content, NOW * 1000).incidents[0]!.impacts;
      expect(impacts.map((impact) => [impact.service, impact.months])).toEqual([
        ['ecs', []],
        ['oss', []],
      ]);
    });
  });

  it('refuses a read-only incident file with one line', async () => {
    const folder = workspace();
    await folder.new('Storage errors', '--services', 'oss', '--at', '2025-03-01 09:00');
    chmodSync(folder.file(ID), 0o444);
    expect(await folder.update(ID, 'monitoring', 'x')).toEqual({
      code: 1,
      output: `${folder.file(ID)} is read-only; make it writable (chmod u+w ${folder.file(ID)}) and run the command again; nothing was written`,
    });
  });

  it('refuses to change a file that already has problems, listing them', async () => {
    const folder = workspace({ [`incidents/2025/${ID}.md`]: '---\ntitle: T\nstarted: 2025-03-01 09:00\naffected: [osss]\n---\n' });
    const result = await folder.update(ID, 'monitoring', 'x');
    expect(result.code).toBe(1);
    expect(result.output).toContain(`${folder.file(ID)}:4: unknown service 'osss'`);
    expect(result.output).toContain('has problems: fix them first');
  });

  it('reports problems in the other files nowhere: a command checks only the file it writes', async () => {
    const folder = workspace({ 'incidents/broken.md': '---\ntitle: T\n' });
    expect((await folder.new('Storage errors', '--services', 'oss')).code).toBe(0);
    expect((await folder.check()).output).toContain('the front matter block is not closed');
    expect((await folder.content()).problems.map(formatProblem)).toHaveLength(1);
  });

  it('refuses a bad SOURCE_DATE_EPOCH with one line', async () => {
    const dir = writeContentFolder({});
    expect(await newCommand(['T', '--services', 'oss'], { STATUS_CONTENT_DIR: dir, SOURCE_DATE_EPOCH: 'soon' })).toEqual({
      code: 1,
      stdout: '',
      stderr: "SOURCE_DATE_EPOCH='soon' is not a whole number of seconds; set it to whole seconds since 1970-01-01 UTC (e.g. `git log -1 --format=%ct`), or unset it to use the clock\n",
    });
  });

  it('check refuses a bad SOURCE_DATE_EPOCH with the same one line as the other commands', async () => {
    const dir = writeContentFolder({});
    expect(await checkCommand({ STATUS_CONTENT_DIR: dir, SOURCE_DATE_EPOCH: '4102444801' })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'SOURCE_DATE_EPOCH=4102444801 is after 2100-01-01; set it to whole seconds since 1970-01-01 UTC (e.g. `git log -1 --format=%ct`), or unset it to use the clock\n',
    });
  });

  it('answers a call that says too little with one line: what is missing, the usage and where the help is', async () => {
    const folder = workspace();
    expect((await folder.update(ID)).output).toBe(
      `say what to post to ${ID}, or what to change; usage: npm run update -- <id> <status> "<message>" [--at "YYYY-MM-DD HH:mm"] [changes]   (npm run update -- --help shows every option, with examples)`,
    );
    expect((await folder.new('--services', 'oss')).output).toMatch(/^give the title first; usage: npm run new -- .*\(npm run new -- --help shows every option, with examples\)$/);
    expect((await folder.update(ID, 'fixed', 'x')).output).toBe("unknown status 'fixed'; use one of: investigating, identified, monitoring, update, resolved, scheduled, in progress, verifying, completed, correction");
  });

  it('refuses a status word every object answers to (constructor) as unknown', async () => {
    const folder = workspace();
    expect((await folder.update(ID, 'constructor', 'x')).output).toBe("unknown status 'constructor'; use one of: investigating, identified, monitoring, update, resolved, scheduled, in progress, verifying, completed, correction");
  });
});

describe('issue 21, editors: files as editors save them', () => {
  const FILE = `---\ntitle: Storage errors\nstarted: 2025-03-01 09:00\naffected: [oss]\n---\nSummary.\n\n## Investigating — 2025-03-01 09:05\nLooking.\n`;

  it('10. updates and resolves a file with CR-only line ends, keeping them', async () => {
    const folder = workspace({ [`incidents/2025/${ID}.md`]: FILE.replace(/\n/g, '\r') });
    expect(await folder.update(ID, 'identified', 'A full disk.', '--at', '2025-03-01 09:20')).toEqual({ code: 0, output: `updated ${folder.file(ID)}` });
    expect(await folder.resolve(ID, 'Disk cleared.', '--at', '2025-03-01 09:45')).toEqual({ code: 0, output: `resolved ${folder.file(ID)}` });
    const text = readFileSync(folder.file(ID), 'utf8');
    expect(text).not.toContain('\n');
    expect(text.replace(/\r/g, '\n')).toBe(
      FILE.replace('started: 2025-03-01 09:00\n', 'started: 2025-03-01 09:00\nresolved: 2025-03-01 09:45\n').replace(
        '## Investigating',
        '## Resolved — 2025-03-01 09:45\nDisk cleared.\n\n## Identified — 2025-03-01 09:20\nA full disk.\n\n## Investigating',
      ),
    );
    expect((await folder.check()).output).toContain('no problems');
  });

  it('10. rewrites no line it does not change in a file with CRLF front matter and an LF body', async () => {
    const [, front, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(FILE)!;
    const mixed = front!.replace(/\n/g, '\r\n') + body;
    const folder = workspace({ [`incidents/2025/${ID}.md`]: mixed });
    expect((await folder.update(ID, 'identified', 'A full disk.', '--at', '2025-03-01 09:20')).code).toBe(0);
    // Five CRLF lines to four LF ones: the added lines take CRLF, and every other line keeps its own end.
    expect(readFileSync(folder.file(ID), 'utf8')).toBe(mixed.replace('## Investigating', '## Identified — 2025-03-01 09:20\r\nA full disk.\r\n\r\n## Investigating'));
  });

  it('10. updates a file saved with a byte order mark, keeping the mark', async () => {
    const folder = workspace({ [`incidents/2025/${ID}.md`]: `\uFEFF${FILE}` });
    expect(await folder.update(ID, 'identified', 'A full disk.', '--at', '2025-03-01 09:20')).toEqual({ code: 0, output: `updated ${folder.file(ID)}` });
    expect(readFileSync(folder.file(ID), 'utf8')).toBe(`\uFEFF${FILE.replace('## Investigating', '## Identified — 2025-03-01 09:20\nA full disk.\n\n## Investigating')}`);
  });

  it.each([
    ['a code block', 'We saw:\n\n```\n## Update — 2025-03-01 09:01\n```\n'],
    ['an HTML comment', 'Summary.\n\n<!--\n## Monitoring — 2025-03-01 09:01\n-->\n'],
  ])('11. posts the update below a summary with a heading in %s, where the timeline reads it', async (_, summary) => {
    const folder = workspace({ [`incidents/2025/${ID}.md`]: FILE.replace('Summary.\n', summary) });
    expect(await folder.update(ID, 'identified', 'A full disk.', '--at', '2025-03-01 09:20')).toEqual({ code: 0, output: `updated ${folder.file(ID)}` });
    expect(await folder.resolve(ID, 'Disk cleared.', '--at', '2025-03-01 09:45')).toEqual({ code: 0, output: `resolved ${folder.file(ID)}` });
    const { content, problems } = await folder.content();
    expect(problems).toEqual([]);
    expect(content.incidents[0]!.updates.map((update) => update.status)).toEqual(['resolved', 'identified', 'investigating']);
    expect(readFileSync(folder.file(ID), 'utf8')).toContain(summary);
  });
});

describe('changing an open incident: update and resolve', () => {
  /** A folder with the storage incident opened at 09:00 on oss and ecs. */
  async function opened() {
    const folder = workspace();
    await folder.new('Storage errors', '--services', 'oss,ecs', '--at', '2025-03-01 09:00');
    return { ...folder, text: () => readFileSync(folder.file(ID), 'utf8'), incident: async () => (await folder.content()).content.incidents[0]! };
  }

  it('sets the cause with an update, says what changed, and keeps the rest of the file', async () => {
    const folder = await opened();
    const before = folder.text();
    expect(await folder.update(ID, 'identified', 'An upstream carrier cut.', '--cause', 'third-party', '--at', '2025-03-01 09:20')).toEqual({
      code: 0,
      output: `updated ${folder.file(ID)} (cause unknown → third-party)`,
    });
    expect(folder.text()).toBe(
      before.replace('title: Storage errors\n', 'title: Storage errors\ncause: third-party\n').replace('## Investigating', '## Identified — 2025-03-01 09:20\nAn upstream carrier cut.\n\n## Investigating'),
    );
    expect((await folder.update(ID, '--cause', 'platform')).output).toBe(`updated ${folder.file(ID)} (cause third-party → platform)`);
    expect((await folder.incident()).cause).toBe('platform');
  });

  it("gives one service its own level, start and end, which the engine counts", async () => {
    const folder = await opened();
    expect((await folder.update(ID, '--service', 'ecs', '--level', 'partial-outage', '--from', '2025-03-01 09:10', '--to', '2025-03-01 09:40')).output).toBe(
      `updated ${folder.file(ID)} (ecs level partial-outage, from 2025-03-01 09:10, to 2025-03-01 09:40)`,
    );
    expect((await folder.resolve(ID, 'Fixed.', '--at', '2025-03-01 10:00')).code).toBe(0);
    const incident = await folder.incident();
    expect(incident.affected).toEqual([
      { service: 'oss', level: 'major-outage', from: at('2025-03-01 09:00'), to: at('2025-03-01 10:00') },
      { service: 'ecs', level: 'partial-outage', from: at('2025-03-01 09:10'), to: at('2025-03-01 09:40') },
    ]);
    const ledger = computeLedger((await folder.content()).content, NOW * 1000);
    expect(ledger.byId.get(ID)!.impacts.map((impact) => [impact.service, impact.months[0]!.minutes])).toEqual([
      ['oss', 60],
      ['ecs', 9],
    ]);
  });

  it('adds and removes services, and changes the level and start, without posting an update', async () => {
    const folder = await opened();
    expect((await folder.update(ID, '--add', 'cdn', '--remove', 'ecs', '--level', 'partial-outage', '--started', '2025-03-01 08:50')).output).toBe(
      `updated ${folder.file(ID)} (level major-outage → partial-outage; started 2025-03-01 09:00 → 2025-03-01 08:50; added cdn; removed ecs)`,
    );
    const incident = await folder.incident();
    expect(incident.affected.map((entry) => [entry.service, entry.level, entry.from])).toEqual([
      ['oss', 'partial-outage', at('2025-03-01 08:50')],
      ['cdn', 'partial-outage', at('2025-03-01 08:50')],
    ]);
    expect(incident.updates).toHaveLength(1);
  });

  it('adds a service named with --service alone, and closes with a change in the same step', async () => {
    const folder = await opened();
    expect((await folder.update(ID, '--service', 'cdn')).output).toBe(`updated ${folder.file(ID)} (added cdn)`);
    expect((await folder.resolve(ID, 'Fixed upstream.', '--cause', 'third-party', '--at', '2025-03-01 09:30')).output).toBe(`resolved ${folder.file(ID)} (cause unknown → third-party)`);
    const incident = await folder.incident();
    expect([incident.cause, incident.resolved, incident.affected.map((entry) => entry.service)]).toEqual(['third-party', at('2025-03-01 09:30'), ['oss', 'ecs', 'cdn']]);
  });

  it('reschedules a maintenance and moves its start when the work started early', async () => {
    const folder = workspace();
    await folder.new('Upgrade', '--services', 'ecs', '--maintenance', '--from', '2025-03-05 01:00', '--to', '2025-03-05 03:00');
    const id = '2025-03-05-upgrade';
    expect((await folder.update(id, 'scheduled', 'Moved by an hour.', '--from', '2025-03-05 02:00', '--to', '2025-03-05 04:00')).output).toBe(
      `updated ${folder.file(id)} (announced window 2025-03-05 02:00 to 2025-03-05 04:00)`,
    );
    const running = folder.at(Date.parse('2025-03-04T17:55:00Z') / 1000);
    expect((await running.update(id, 'in progress', 'Started early.', '--started', '2025-03-05 01:50', '--at', '2025-03-05 01:50')).code).toBe(0);
    const incident = (await running.content()).content.incidents[0]!;
    expect([incident.scheduled, incident.started]).toEqual([{ from: at('2025-03-05 02:00'), to: at('2025-03-05 04:00') }, at('2025-03-05 01:50')]);
  });

  it.each([
    ['a cause on a maintenance', ['--cause', 'platform'], 'maintenance', 'a maintenance has no --cause: inside its window it counts as maintenance, outside it as platform'],
    ['a level on a notice', ['--level', 'partial-outage'], 'notice', 'is a notice, which has no impact level'],
    ['an unknown cause', ['--cause', 'plattform'], 'incident', "unknown --cause 'plattform'; did you mean 'platform'?"],
    ['an unknown level', ['--level', 'major'], 'incident', "unknown --level 'major'; use one of: degraded-performance, partial-outage, major-outage"],
    ['an unknown service', ['--add', 'osss'], 'incident', "unknown service 'osss'; did you mean 'oss'? (services are in services.yaml)"],
    ['a service affected already', ['--add', 'oss'], 'incident', "'oss' is affected already; to give it its own level or times use --service oss --level …"],
    ['a service that is not affected', ['--remove', 'cdn'], 'incident', "'cdn' is not affected by 2025-03-01-storage-errors; it lists oss, ecs"],
    ['every service removed', ['--remove', 'oss,ecs'], 'incident', '2025-03-01-storage-errors would affect no service; add the right one first (--add), then remove'],
    ['a window without a service', ['--from', '2025-03-01 09:10'], 'incident', "--from and --to are a service's own window: add --service <id> (to move the start of the incident, use --started)"],
    ['a service with nothing to change', ['--service', 'oss'], 'incident', 'say what to change for oss: --level, --from or --to'],
    ['--at without an update', ['--cause', 'platform', '--at', '2025-03-01 09:30'], 'incident', '--at is the time of an update: give a status and a message too'],
    ['a start after the first update', ['--started', '2025-03-01 09:30'], 'incident', "the Investigating update (2025-03-01 09:00 +08:00) is before 'started' (2025-03-01 09:30 +08:00)"],
    ["a service's end before its start", ['--service', 'oss', '--from', '2025-03-01 09:40', '--to', '2025-03-01 09:30'], 'incident', "the impact on 'oss' ends (2025-03-01 09:30 +08:00) before it starts (2025-03-01 09:40 +08:00)"],
    ['a time that is not one', ['--service', 'oss', '--to', '9:30'], 'incident', "--to '9:30' is not a time; write it as YYYY-MM-DD HH:mm (in Asia/Shanghai)"],
  ])('refuses %s in one line, writing nothing', async (_, args, kind, expected) => {
    const folder = workspace();
    const id = kind === 'incident' ? ID : kind === 'maintenance' ? '2025-03-05-upgrade' : '2025-03-01-tls';
    if (kind === 'incident') await folder.new('Storage errors', '--services', 'oss,ecs', '--at', '2025-03-01 09:00');
    if (kind === 'maintenance') await folder.new('Upgrade', '--services', 'ecs', '--maintenance', '--from', '2025-03-05 01:00', '--to', '2025-03-05 03:00');
    if (kind === 'notice') await folder.new('TLS', '--notice', '--message', 'TLS 1.0 ends.');
    const file = folder.file(id);
    const before = readFileSync(file, 'utf8');
    const result = await folder.update(id, ...args!);
    expect(result.code).toBe(1);
    expect(result.output).toContain(expected);
    expect(result.output.split('\n').filter((line) => !line.startsWith(file))).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it.each([
    ['update', ['--cause', 'third-party']],
    ['update', ['--service', 'oss', '--to', '2025-03-01 09:10']],
    ['update', ['--add', 'cdn']],
    ['resolve', ['--level', 'partial-outage']],
  ])("refuses to change a resolved incident's figures with %s %j: that is a correction", async (command, args) => {
    const folder = await opened();
    await folder.resolve(ID, '--at', '2025-03-01 09:30');
    const before = folder.text();
    const result = await folder[command as 'update' | 'resolve'](ID, ...args);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(
      command === 'resolve'
        ? /^2025-03-01-storage-errors is resolved already at 2025-03-01 09:30; nothing was written \(to change when it ended: npm run correct -- 2025-03-01-storage-errors "<why>" --set resolved="YYYY-MM-DD HH:mm", which adds a public Correction\)$/
        : /^2025-03-01-storage-errors is resolved: a change to its .+ changes what is owed for it, so it is a correction, shown to customers: npm run correct -- 2025-03-01-storage-errors "<why>" --(set|remove) .+; nothing was written$/,
    );
    expect(folder.text()).toBe(before);
  });

  it.each([
    ['update', ['--cause', 'third-party'], '--set cause=third-party'],
    ['update', ['--level', 'partial-outage', '--started', '2025-03-01 08:50'], '--set level=partial-outage --set started="2025-03-01 08:50"'],
    ['update', ['--service', 'oss', '--to', '2025-03-01 09:10'], '--set affected.oss.to="2025-03-01 09:10"'],
    ['update', ['--add', 'cdn', '--remove', 'ecs'], '--set affected.cdn.level=major-outage --remove affected.ecs'],
    ['resolve', ['--at', '2025-03-01 09:40'], '--set resolved="2025-03-01 09:40"'],
  ])('points %s %j at the npm run correct call that makes the same change, and that call works', async (command, args, expected) => {
    const folder = await opened();
    await folder.resolve(ID, '--at', '2025-03-01 09:30');
    const refused = await folder[command as 'update' | 'resolve'](ID, ...args);
    const call = /npm run correct -- (.+?)(?:, which adds a public Correction\)|; nothing was written)$/.exec(refused.output)?.[1];
    expect(call).toBe(`${ID} "<why>" ${expected}`);
    // As a shell splits it: words, with double quotes taken off.
    const words = call!.replace('<why>', 'The logs say so.').match(/(?:[^\s"]+|"[^"]*")+/g)!.map((word) => word.replace(/"/g, ''));
    expect(await folder.correct(...words)).toMatchObject({ code: 0 });
    expect((await folder.check()).output).toContain('no problems');
  });
});

describe('new: notices, ids and options', () => {
  it('posts a notice: no impact, an Update as its announcement, and the check passes', async () => {
    const folder = workspace();
    expect(await folder.new('TLS 1.0 ends on 1 April', '--notice', '--message', 'From 1 April only TLS 1.2 or later.')).toEqual({ code: 0, output: `wrote ${folder.file('2025-03-01-tls-1-0-ends-on-1-april')}` });
    const incident = (await folder.content()).content.incidents[0]!;
    expect([incident.kind, incident.affected, incident.updates.map((update) => update.status)]).toEqual(['notice', [], ['update']]);
    expect((await folder.resolve('2025-03-01-tls-1-0-ends-on-1-april')).code).toBe(0);
    expect((await folder.check()).output).toContain('no problems');
  });

  it.each([
    [['TLS', '--notice'], 'a notice needs its text: add --message "…"'],
    [['TLS', '--notice', '--message', 'x', '--level', 'partial-outage'], 'a notice has no impact: leave out --level and --cause, or open an incident (without --notice)'],
    [['TLS', '--notice', '--maintenance', '--message', 'x'], '--maintenance and --notice: choose one'],
    [['TLS', '--sevices', 'oss'], 'unknown option --sevices; did you mean --services? (npm run new -- --help shows every option, with examples)'],
    [['TLS'], 'say which services are affected with --services; usage: npm run new -- '],
  ])('refuses %j in one line', async (args, expected) => {
    const folder = workspace();
    const result = await folder.new(...args);
    expect(result.code).toBe(1);
    expect(result.output).toContain(expected);
    expect(result.output).not.toContain('\n');
    expect(readdirSync(folder.dir)).not.toContain('incidents');
  });

  it('gives a Chinese title a readable pinyin id, and --slug overrides it', async () => {
    const folder = workspace();
    expect((await folder.new('杭州可用区H 实例无法访问', '--services', 'ecs')).output).toBe(`wrote ${folder.file('2025-03-01-hang-zhou-ke-yong-qu-h-shi-li-wu-fa-fang-wen')}`);
    expect((await folder.new('杭州可用区H 实例无法访问', '--services', 'ecs', '--slug', 'hangzhou-h-unreachable')).output).toBe(`wrote ${folder.file('2025-03-01-hangzhou-h-unreachable')}`);
  });
});

describe('postmortem', () => {
  async function resolved() {
    const folder = workspace();
    await folder.new('Storage errors', '--services', 'oss', '--at', '2025-03-01 09:00');
    await folder.resolve(ID, 'Fixed.', '--at', '2025-03-01 09:30');
    return folder;
  }

  it('starts the postmortem of a resolved incident with its follow-ups, then ticks one', async () => {
    const folder = await resolved();
    expect((await folder.postmortem(ID, 'A disk filled up.', '--action', 'Alert on disk use', '--action', 'Rotate logs', '--done', 'Clear the disk')).output).toBe(
      `wrote the postmortem of ${folder.file(ID)} (started it; added 3 follow-ups)`,
    );
    expect((await folder.postmortem(ID, '--done', 'rotate  LOGS')).output).toBe(`wrote the postmortem of ${folder.file(ID)} (ticked 'Rotate logs')`);
    const { postmortem } = (await folder.content()).content.incidents[0]!;
    expect(postmortem!.en!.markdown).toBe('A disk filled up.\n\n- [ ] Alert on disk use\n- [x] Rotate logs\n- [x] Clear the disk');
  });

  it('refuses words close to an open follow-up, and takes them with --action as a new one', async () => {
    const folder = await resolved();
    await folder.postmortem(ID, '--action', 'Alert on disk use');
    const before = readFileSync(folder.file(ID), 'utf8');
    expect(await folder.postmortem(ID, '--done', 'Alert on disk usage')).toEqual({
      code: 1,
      output: `no open follow-up reads 'Alert on disk usage'; did you mean 'Alert on disk use'? (to add it as a new follow-up, done, give --action "Alert on disk usage" --done "Alert on disk usage")`,
    });
    expect(readFileSync(folder.file(ID), 'utf8')).toBe(before);
    expect((await folder.postmortem(ID, '--action', 'Alert on disk usage', '--done', 'Alert on disk usage')).output).toBe(`wrote the postmortem of ${folder.file(ID)} (added 1 follow-up)`);
    expect((await folder.content()).content.incidents[0]!.postmortem!.en!.actions.map((action) => action.done)).toEqual([false, true]);
  });

  it('suggests the id meant for an unknown one', async () => {
    const folder = await resolved();
    expect((await folder.postmortem('2025-03-01-storage-error', 'Text.')).output).toContain("no incident '2025-03-01-storage-error' in");
    expect((await folder.postmortem('2025-03-01-storage-error', 'Text.')).output).toContain("did you mean '2025-03-01-storage-errors'?");
  });
});

describe('--help', () => {
  const commands = { new: newCommand, update: updateCommand, resolve: resolveCommand, postmortem: postmortemCommand };

  it.each(Object.keys(commands))('npm run %s -- --help shows the usage, every option and examples, without a content folder', async (name) => {
    const result = await commands[name as keyof typeof commands](['--help'], { STATUS_CONTENT_DIR: '/nonexistent/folder' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^npm run ${name}: `));
    expect(result.stdout).toContain(`\nusage:\n  npm run ${name} -- `);
    expect(result.stdout).toContain(`\nexamples:\n  npm run ${name} -- `);
    expect(result.stdout).toContain('  -h, --help');
  });

  it('npm run check -- --help shows the help too', async () => {
    const result = await checkCommand({ STATUS_CONTENT_DIR: '/nonexistent/folder' }, ['-h']);
    expect(result.stdout).toMatch(/^npm run check: check the content folder/);
  });
});
