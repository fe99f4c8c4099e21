import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeContentFolder } from '../builders.ts';

/** Runs `npm run <command> -- args` against a content folder; returns exit code and output. */
function npmRun(dir: string, command: string, ...args: string[]) {
  const result = spawnSync('npm', ['run', '-s', command, '--', ...args], {
    encoding: 'utf8',
    env: { ...process.env, STATUS_CONTENT_DIR: dir },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the editor commands', () => {
  it('open, update and resolve an incident with three commands, and check passes', () => {
    const dir = writeContentFolder({});
    expect(npmRun(dir, 'new', 'Storage errors', '--services', 'oss,ecs', '--level', 'partial-outage', '--at', '2025-03-01 10:00').status).toBe(0);
    const file = path.join(dir, 'incidents', '2025', '2025-03-01-storage-errors.md');
    expect(readFileSync(file, 'utf8')).toContain('## Investigating — 2025-03-01 10:00');

    expect(npmRun(dir, 'update', '2025-03-01-storage-errors', 'identified', 'A full disk.', '--at', '2025-03-01 10:20').status).toBe(0);
    expect(npmRun(dir, 'resolve', '2025-03-01-storage-errors', 'Disk cleared.', '--at', '2025-03-01 10:45').status).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('resolved: 2025-03-01 10:45');
    expect(text.indexOf('## Resolved — 2025-03-01 10:45')).toBeLessThan(text.indexOf('## Identified — 2025-03-01 10:20'));

    const check = npmRun(dir, 'check');
    expect(check.output).toContain('1 incidents, 4 services, 2 SLA policies, no problems');
  }, 120_000);

  it('closes a maintenance with Completed', () => {
    const dir = writeContentFolder({});
    npmRun(dir, 'new', 'Upgrade', '--services', 'ecs', '--maintenance', '--from', '2025-03-05 01:00', '--to', '2025-03-05 03:00', '--at', '2025-03-01 10:00');
    expect(npmRun(dir, 'resolve', '2025-03-05-upgrade', '--at', '2025-03-05 02:50').status).toBe(0);
    expect(readFileSync(path.join(dir, 'incidents', '2025', '2025-03-05-upgrade.md'), 'utf8')).toContain('## Completed — 2025-03-05 02:50\nThe maintenance is complete.');
  });

  it('writes nothing when the new file would not pass, and says why', () => {
    const dir = writeContentFolder({});
    const result = npmRun(dir, 'new', 'Storage errors', '--services', 'osss', '--at', '2025-03-01 10:00');
    expect(result.status).toBe(1);
    expect(result.output).toContain("incidents/2025/2025-03-01-storage-errors.md:5: unknown service 'osss'; did you mean 'oss'?");
    expect(readdirSync(dir)).not.toContain('incidents');
  });

  it('refuses an unknown status and an unknown id with the closest one', () => {
    const dir = writeContentFolder({});
    npmRun(dir, 'new', 'Storage errors', '--services', 'oss', '--at', '2025-03-01 10:00');
    expect(npmRun(dir, 'update', '2025-03-01-storage-errors', 'fixed', 'x').output).toContain("unknown status 'fixed'");
    expect(npmRun(dir, 'update', '2025-03-01-storage-error', 'monitoring', 'x').output).toContain("did you mean '2025-03-01-storage-errors'?");
  });

  it('imports a Statuspage export and a cState folder, writing what passes and reporting the rest', () => {
    const dir = writeContentFolder({});
    const statuspage = npmRun(dir, 'import', 'statuspage', path.join(fixtures, 'statuspage-incidents.json'));
    expect(statuspage.status).toBe(0);
    expect(statuspage.output).toContain('2 of 3 incidents imported.');
    expect(statuspage.output).toContain("component 'Email' matches no service");
    // The console issue is open in cState and untouched since 2025: it comes over only when asked for.
    const cstate = npmRun(dir, 'import', 'cstate', path.join(fixtures, 'cstate'));
    expect(cstate.output).toContain('2 of 3 incidents imported.');
    expect(cstate.output.indexOf('it would show as a live outage; left out')).toBeLessThan(cstate.output.indexOf('wrote '));
    expect(npmRun(dir, 'import', 'cstate', path.join(fixtures, 'cstate'), '--open-stale').output).toContain('1 of 3 incidents imported.');
    expect(readdirSync(path.join(dir, 'incidents', '2025')).length).toBe(5);
    expect(npmRun(dir, 'check').output).toContain('5 incidents, 4 services, 2 SLA policies, no problems');
  }, 120_000);
});

const fixtures = path.join(import.meta.dirname, '..', 'fixtures');

describe('the editor commands, given broken input', () => {
  it.each([
    { what: 'malformed JSON', json: '{\n  "incidents": [\n    { "id": "a", }\n  ]\n}', expected: /^.+\/export\.json:3: not valid JSON \(.+\); export the incidents again, or fix the file$/ },
    { what: 'the wrong shape', json: '{ "page": {} }', expected: /^.+\/export\.json: not a Statuspage export: expected \{ "incidents": \[ … \] \} \(its \/api\/v2\/incidents\.json\) or a list of incidents$/ },
    { what: 'a missing file', json: undefined, expected: /^.+\/export\.json: cannot be read \(no such file\); give the path of the export file$/ },
  ])('import says $what in one line and exits 1', ({ json, expected }) => {
    const dir = writeContentFolder({});
    const file = path.join(dir, 'export.json');
    if (json !== undefined) writeFileSync(file, json);
    const result = npmRun(dir, 'import', 'statuspage', file);
    expect(result.status).toBe(1);
    expect(result.output.trim()).toMatch(expected);
  });

  it('import exits 1 when it writes none of the incidents', () => {
    const dir = writeContentFolder({});
    const file = path.join(dir, 'export.json');
    writeFileSync(file, JSON.stringify({ incidents: [{ id: 'a', name: 'Billing down', started_at: '2025-02-01T10:00:00Z', components: [{ name: 'Billing' }] }] }));
    const result = npmRun(dir, 'import', 'statuspage', file);
    expect(result.status).toBe(1);
    expect(result.output).toContain('0 of 1 incidents imported.');
  });

  it('update says in one line that an incident file cannot be written, without a stack', () => {
    const dir = writeContentFolder({});
    npmRun(dir, 'new', 'Storage errors', '--services', 'oss', '--at', '2025-03-01 10:00');
    const file = path.join(dir, 'incidents', '2025', '2025-03-01-storage-errors.md');
    chmodSync(file, 0o444);
    // Root writes read-only files anyway: run the command as nobody then, as an editor without the right would.
    const asNobody = process.getuid?.() === 0;
    if (asNobody) for (const folder of [dir, path.dirname(path.dirname(file)), path.dirname(file)]) chmodSync(folder, 0o755);
    const result = spawnSync(process.execPath, [path.join(import.meta.dirname, '..', '..', 'scripts', 'update.ts'), '2025-03-01-storage-errors', 'identified', 'A full disk.', '--at', '2025-03-01 10:20'], {
      encoding: 'utf8',
      env: { ...process.env, STATUS_CONTENT_DIR: dir },
      ...(asNobody ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(result.status).toBe(1);
    expect(`${result.stdout}${result.stderr}`.trim()).toBe(`${file}: cannot be written (permission denied); make it writable (chmod u+w) or run the command as its owner`);
  });
});
