import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runNotify } from '../../src/notify/run.ts';
import { resolveContent } from '../../src/contract/load-content.ts';
import { formatProblem } from '../../src/contract/problems.ts';
import { SERVICES_YAML, SLA_YAML, writeContentFolder } from '../builders.ts';
import { startHttpReceiver, type HttpReceiver } from './receivers.ts';
import { NOW, writeManifest } from './site.ts';

/** English first, Simplified Chinese beside it. */
const SITE = `title: {en: Test Status, zh-CN: 测试状态}
url: https://status.test
timeZone: Asia/Shanghai
locale: en
languages: [zh-CN]
`;

const INCIDENT = `---
title: Slow uploads to storage
started: 2025-02-09 10:05
affected: [oss]
level: degraded-performance
---
## Identified — 2025-02-09 10:30
A full disk on one node.

## Investigating — 2025-02-09 10:10
Uploads to storage are slow.
`;

/** The Chinese translation has the first update only: the second is not translated when notify runs. */
const TRANSLATION = `---
title: 存储上传缓慢
---
## 调查中 — 2025-02-09 10:10
存储上传缓慢。
`;

const NOTIFY = `- id: global
  type: webhook
  url: env:GLOBAL_URL
- id: china
  type: webhook
  url: env:CHINA_URL
  locale: zh-CN
`;

let http: HttpReceiver;
beforeAll(async () => {
  http = await startHttpReceiver('unused-secret');
});
afterAll(() => http.close());
beforeEach(() => {
  http.requests.length = 0;
  http.answer('/global', { status: 200, body: 'ok' });
  http.answer('/china', { status: 200, body: 'ok' });
});

async function notify(dir: string, outDir: string, since: string) {
  const lines: string[] = [];
  const code = await runNotify({
    contentDir: dir,
    outDir,
    since,
    firstRun: false,
    dryRun: false,
    channels: [],
    env: { GLOBAL_URL: `${http.url}/global`, CHINA_URL: `${http.url}/china` },
    retry: { attempts: 1, baseDelayMs: 10, maxDelayMs: 10, timeoutMs: 2000 },
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
  });
  return { code, output: lines.join('\n') };
}

const bodies = (at: string) => http.at(at).map((request) => JSON.parse(request.body));

describe('notify in the languages of a bilingual site', () => {
  it('sends each channel its language where translated, and the original marked as not yet translated where not', async () => {
    const files = { 'site.yaml': SITE, 'services.yaml': SERVICES_YAML, 'sla.yaml': SLA_YAML };
    const before = writeContentFolder(files);
    const work = mkdtempSync(path.join(tmpdir(), 'status-ledger-notify-languages-'));
    const previous = await writeManifest(before, path.join(work, 'live'));
    const dir = writeContentFolder({ ...files, 'notify.yaml': NOTIFY, 'incidents/x.md': INCIDENT, 'incidents/x.zh-CN.md': TRANSLATION });
    const outDir = path.join(work, 'dist');
    const current = await writeManifest(dir, outDir);

    const { code, output } = await notify(dir, outDir, previous);
    expect(code, output).toBe(0);
    const global = bodies('/global');
    const china = bodies('/china');
    expect(global.map((body) => [body.status, body.text])).toEqual([
      ['investigating', 'Uploads to storage are slow.'],
      ['identified', 'A full disk on one node.'],
    ]);
    expect(global[0].url).toBe('https://status.test/incidents/x/#update-20250209T021000-investigating');
    expect(global[0].incident.title).toBe('Slow uploads to storage');
    expect(global[0].site.title).toBe('Test Status');
    expect(china.map((body) => body.id)).toEqual(global.map((body) => body.id));
    expect(china[0].text).toBe('存储上传缓慢。');
    expect(china[1].text).toBe('(尚未翻译)\n\nA full disk on one node.');
    expect(china[1].html).toContain('<div lang="en">');
    expect(china[1].html).toContain('尚未翻译');
    expect(china[0].url).toBe('https://status.test/zh-cn/incidents/x/#update-20250209T021000-investigating');
    expect(china.map((body) => body.incident.title)).toEqual(['存储上传缓慢', '存储上传缓慢']);
    expect(china[0].site.title).toBe('测试状态');
    expect(china[0].services.map((service: { id: string; name: string }) => [service.id, service.name])).toEqual([['oss', 'Storage']]);

    // A translation added later is not a new update: the next run sends nothing.
    writeFileSync(path.join(dir, 'incidents/x.zh-CN.md'), `${TRANSLATION}\n## 已确认 — 2025-02-09 10:30\n一个节点磁盘已满。\n`);
    const { content, problems } = resolveContent(
      { dir, site: SITE, services: SERVICES_YAML, sla: SLA_YAML, incidents: [{ path: 'incidents/x.md', text: INCIDENT }, { path: 'incidents/x.zh-CN.md', text: `${TRANSLATION}\n## 已确认 — 2025-02-09 10:30\n一个节点磁盘已满。\n` }], others: [] },
      NOW,
    );
    expect(problems.map(formatProblem)).toEqual([]);
    expect(content.incidents[0]!.updates[0]!.text['zh-CN']!.markdown).toBe('一个节点磁盘已满。');
    await writeManifest(dir, path.join(work, 'dist-again'));
    http.requests.length = 0;
    const again = await notify(dir, path.join(work, 'dist-again'), current);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain('no new updates');
    expect(http.requests).toEqual([]);
  });
});
