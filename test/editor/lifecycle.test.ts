import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles, resolveContent } from '../../src/contract/load-content.ts';
import { checkCommand } from '../../src/editor/commands.ts';
import { computeLedger } from '../../src/core/ledger.ts';
import { LIFECYCLE, runLifecycle } from './lifecycle.ts';

describe('from nothing to a resolved outage, a notice and a completed maintenance, with commands only', () => {
  it('makes a folder the check passes, with every figure the commands were told', async () => {
    const { dir, log } = await runLifecycle();
    expect(log).toHaveLength(15);
    const env = { STATUS_CONTENT_DIR: dir, SOURCE_DATE_EPOCH: String(LIFECYCLE.done) };
    expect((await checkCommand(env)).stdout).toMatch(/: 4 incidents, 4 services, 1 SLA policy, no problems/);

    const { content, problems } = resolveContent(await readContentFiles(dir), LIFECYCLE.done * 1000);
    expect(problems).toEqual([]);
    const byId = new Map(content.incidents.map((incident) => [incident.id, incident]));
    const outage = byId.get(LIFECYCLE.outage)!;
    expect([outage.cause, outage.level, outage.updates.map((update) => update.status)]).toEqual(['platform', 'partial-outage', ['resolved', 'monitoring', 'identified', 'investigating']]);
    const minute = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}:00+01:00`);
    expect(outage.affected).toEqual([
      { service: 'api', level: 'partial-outage', from: minute('2025-02-03 10:00'), to: minute('2025-02-03 11:15') },
      { service: 'dashboard', level: 'degraded-performance', from: minute('2025-02-03 10:10'), to: minute('2025-02-03 11:15') },
      { service: 'storage', level: 'partial-outage', from: minute('2025-02-03 10:00'), to: minute('2025-02-03 10:40') },
    ]);
    expect(outage.postmortem!.en!.actions.map((action) => action.done)).toEqual([true, true]);
    const maintenance = byId.get(LIFECYCLE.maintenance)!;
    expect([maintenance.kind, maintenance.resolved, maintenance.updates[0]!.status]).toEqual(['maintenance', minute('2025-02-08 02:30'), 'completed']);
    const notice = byId.get(LIFECYCLE.notice)!;
    expect([notice.kind, notice.updates.map((update) => update.status)]).toEqual(['notice', ['resolved', 'update']]);

    // The figures: 75 minutes at 0.3 on the API in February; the maintenance inside its window owes nothing.
    const ledger = computeLedger(content, LIFECYCLE.done * 1000);
    const api = ledger.services.find((service) => service.service.id === 'api')!;
    expect(api.months.find((month) => month.month === '2025-02')).toMatchObject({ minutes: 22.5, tier: { id: 'prorated' }, final: false });
    expect(ledger.byId.get(LIFECYCLE.maintenance)!.impacts[0]!.eligible).toBe(false);

    // Nothing was left behind: no lock or temporary file.
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
    expect(files.filter((name) => name.startsWith('.'))).toEqual([]);
    expect(readFileSync(path.join(dir, 'site.yaml'), 'utf8')).toContain('title: Lifecycle Cloud Status');
  });
});
