import { describe, expect, it } from 'vitest';
import { parseTime } from '../../src/core/time.ts';
import type { Incident, Locale, Update } from '../../src/core/types.ts';
import { renderMarkdown } from '../../src/contract/markdown.ts';
import { languageOf } from '../../src/i18n/language.ts';
import { notificationFor, type Notification } from '../../src/notify/notification.ts';
import { discordMessage, escapeDiscord } from '../../src/notify/writers/discord.ts';
import { emailMessage } from '../../src/notify/writers/email.ts';
import { escapeSlack, slackMessage } from '../../src/notify/writers/slack.ts';
import { escapeTeams, teamsMessage } from '../../src/notify/writers/teams.ts';
import { fit } from '../../src/notify/writers/text.ts';
import { webhookBody, webhookSignature } from '../../src/notify/writers/webhook.ts';
import { en, incident, service, testSite } from '../builders.ts';
import { verifySignature } from './receivers.ts';

const at = (text: string) => parseTime(text, 'Asia/Shanghai')!;

function update(status: Update['status'], markdown: string, time = '2025-02-09 10:20', locale: Locale = 'en'): Update {
  return { status, at: at(time), text: { [locale]: { html: renderMarkdown(markdown), markdown } }, line: 10 };
}

const SERVICES = [service('ecs', { name: en('Compute & <Co>') }), service('oss', { name: en('Storage') })];

function notification(overrides: Partial<Incident> = {}, entry = update('identified', 'A **bad** deploy <@everyone> & <!channel>.')): Notification {
  const subject = incident('2025-02-09 10:00', null, { id: 'api-errors', title: en('Errors <b>&</b> on the API'), services: ['ecs', 'oss'], ...overrides });
  return notificationFor({ ...subject, updates: [entry] }, entry, testSite, SERVICES, languageOf(testSite));
}

describe('entities typed in an update', () => {
  it('reach every channel as the characters they stand for, escaped once for its format', () => {
    const typed = notification({}, update('identified', 'Fish &amp; chips &lt;3'));
    expect(typed.text).toBe('Fish & chips <3');
    expect(JSON.stringify(slackMessage(typed))).toContain('Fish &amp; chips &lt;3');
    expect(JSON.stringify(slackMessage(typed))).not.toContain('&amp;amp;');
    expect(webhookBody(typed)).toMatchObject({ text: 'Fish & chips <3' });
    expect(emailMessage(typed, []).text).toContain('Fish & chips <3');
  });
});

describe('notificationFor', () => {
  it('tells the incident, the status in words, the time in the site zone, plain text, safe HTML, services and the link', () => {
    expect(notification()).toMatchObject({
      id: 'api-errors#update-20250209T022000-identified',
      statusLabel: 'Identified',
      timeText: '2025-02-09 10:20 +08:00',
      text: 'A bad deploy <@everyone> & <!channel>.',
      html: '<p>A <strong>bad</strong> deploy &lt;@everyone&gt; &amp; &lt;!channel&gt;.</p>',
      services: [
        { id: 'ecs', name: 'Compute & <Co>', level: 'major-outage', levelLabel: 'Major outage' },
        { id: 'oss', name: 'Storage', level: 'major-outage', levelLabel: 'Major outage' },
      ],
      tone: 'major-outage',
      url: 'https://status.test/incidents/api-errors/#update-20250209T022000-identified',
      words: { subject: '[Test Status] Identified: Errors <b>&</b> on the API' },
    });
  });

  it.each([
    ['a closing update reads as good news whatever the level', {}, update('resolved', 'Fixed.'), 'resolved'],
    ['a maintenance in progress', { kind: 'maintenance' as const, level: 'under-maintenance' as const, affected: [{ service: 'ecs', level: 'under-maintenance' as const, from: 0, to: null }] }, update('in-progress', 'Started.'), 'under-maintenance'],
    ['a notice', { kind: 'notice' as const, affected: [] }, update('update', 'New region.'), 'notice'],
  ])('gives %s its tone', (_, overrides, entry, tone) => {
    expect(notification(overrides, entry).tone).toBe(tone);
  });

  it('speaks the site language', () => {
    const site = { ...testSite, locale: 'zh-CN' as const, title: { 'zh-CN': 'Test Status' }, description: { 'zh-CN': 'Test' } };
    const subject = incident('2025-02-09 10:00', null, { id: 'x', title: { 'zh-CN': '上传失败' }, services: ['ecs'] });
    const entry = update('identified', '正在回滚。', undefined, 'zh-CN');
    const services = [service('ecs', { name: { 'zh-CN': '计算' }, group: { 'zh-CN': '计算' }, description: { 'zh-CN': '' } })];
    const chinese = notificationFor({ ...subject, updates: [entry] }, entry, site, services, languageOf(site));
    expect(chinese).toMatchObject({ statusLabel: '已确认', lang: 'zh-CN', words: { affected: '受影响的服务', subject: '[Test Status] 已确认：上传失败' } });
    expect(chinese.services[0]!.levelLabel).toBe('严重中断');
  });
});

describe('fit', () => {
  it.each([
    ['leaves short text as it is, escaped', 'a & b', 20, 'a &amp; b'],
    ['cuts before an escape rather than through it', '&&&&', 10, '&amp;…'],
    ['counts the ellipsis in the limit', 'abcdefghij', 5, 'abcd…'],
    ['never splits a character outside the basic plane', '😀😀😀', 3, '😀…'],
  ])('%s', (_, text, max, expected) => {
    const result = fit(text, max, escapeSlack);
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(max + 1);
  });
});

describe('Slack', () => {
  it.each([
    ['&', '&amp;'],
    ['<!channel>', '&lt;!channel&gt;'],
    ['<https://evil.example|click>', '&lt;https://evil.example|click&gt;'],
    ['a > b < c', 'a &gt; b &lt; c'],
    ['*bold* and `code`', '*bold* and `code`'],
  ])('escapes %s as mrkdwn needs', (text, escaped) => {
    expect(escapeSlack(text)).toBe(escaped);
  });

  it('keeps every block within its limit for a very long update', () => {
    const long = notification({ title: en('T'.repeat(400)) }, update('identified', `${'&'.repeat(5000)}`));
    const message = slackMessage(long);
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
    expect((message.blocks[0] as any).text.text.length).toBeLessThanOrEqual(150);
    expect((message.blocks[1] as any).text.text.length).toBeLessThanOrEqual(3000);
    expect((message.blocks[1] as any).text.text).toMatch(/^(&amp;)+…$/);
  });

  it('writes the link with its text and escapes the services', () => {
    const message = slackMessage(notification());
    expect(JSON.stringify(message)).toContain('Compute &amp; &lt;Co&gt; (major outage)');
    expect((message.blocks.at(-1) as any).elements[0].text).toBe('<https://status.test/incidents/api-errors/#update-20250209T022000-identified|View on the status page>');
  });
});

describe('Discord', () => {
  it('escapes its Markdown and mentions, leaving addresses whole', () => {
    expect(escapeDiscord('*a* _b_ ~c~ `d` |e| <@123> [x](y) # h\n> q https://e.example/a_b*c')).toBe(
      '\\*a\\* \\_b\\_ \\~c\\~ \\`d\\` \\|e\\| \\<@123\\> \\[x\\](y) # h\n\\> q https://e.example/a_b*c',
    );
    expect(escapeDiscord('# heading')).toBe('\\# heading');
  });

  it('sends one embed that can ping nobody, within its limits', () => {
    const message = discordMessage(notification({ title: en('T'.repeat(300)) }, update('identified', 'x'.repeat(5000))));
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const [embed] = message.embeds;
    expect(embed!.title.length).toBeLessThanOrEqual(256);
    expect(embed!.description.length).toBeLessThanOrEqual(4096);
    expect(embed).toMatchObject({ url: 'https://status.test/incidents/api-errors/#update-20250209T022000-identified', color: 0xc62828, timestamp: '2025-02-09T02:20:00.000Z' });
    expect(embed!.fields[0]).toEqual({ name: 'Affected services', value: 'Compute & \\<Co\\>: Major outage\nStorage: Major outage', inline: false });
  });
});

describe('Teams', () => {
  it('writes an Adaptive Card whose text survives JSON as written', () => {
    const message = teamsMessage(notification());
    const card = JSON.parse(JSON.stringify(message)).attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.body[0]).toMatchObject({ text: 'Identified: Errors <b>&</b> on the API', color: 'Attention' });
    expect(card.content.body[2].text).toBe('A bad deploy <@everyone> & <!channel>.');
  });

  it('shows Markdown an editor wrote in a title, an update or a service name as text, never as a link or formatting', () => {
    const hostile = notificationFor(
      { ...incident('2025-02-09 10:00', null, { id: 'x', title: en('[Log in](https://evil.example) **now**'), services: ['ecs'] }), updates: [] },
      // Escaped in the Markdown, so its plain text holds the marks themselves.
      update('identified', 'Check \\[here\\](https://evil.example) - \\*\\*fast\\*\\*'),
      testSite,
      [service('ecs', { name: en('Compute_east *beta*') })],
      languageOf(testSite),
    );
    const card = teamsMessage(hostile).attachments[0]!.content;
    expect((card.body[0] as any).text).toBe('Identified: \\[Log in\\](https://evil.example) \\*\\*now\\*\\*');
    expect((card.body[2] as any).text).toBe('Check \\[here\\](https://evil.example) - \\*\\*fast\\*\\*');
    expect((card.body.find((block: any) => block.type === 'FactSet') as any).facts).toEqual([{ title: 'Compute\\_east \\*beta\\*', value: 'Major outage' }]);
  });
});

describe('escapeTeams', () => {
  it.each([
    ['a link', '[x](https://evil.example)', '\\[x\\](https://evil.example)'],
    ['bold and italic', '**urgent** and _now_ and *soon*', '\\*\\*urgent\\*\\* and \\_now\\_ and \\*soon\\*'],
    ['list markers at a line start', '- one\n+ two\n3. three\n 4) four', '\\- one\n\\+ two\n3\\. three\n 4\\) four'],
    ['a backslash that would escape the next mark', 'a\\*b and C:\\dir', 'a\\\\\\*b and C:\\dir'],
    ['text with no marks', 'Errors <b>&</b> on 2025-02-09 - 10:20', 'Errors <b>&</b> on 2025-02-09 - 10:20'],
    ['an address, left whole', 'see https://e.example/a_b*c [now]', 'see https://e.example/a_b*c \\[now\\]'],
  ])('escapes %s', (_, text, escaped) => {
    expect(escapeTeams(text)).toBe(escaped);
  });
});

describe('the JSON webhook', () => {
  it('signs "<t>.<body>" with HMAC-SHA256, as an independent implementation computes it', () => {
    expect(webhookSignature('{"id":"a#b"}', 'whsec-test', 1_700_000_000)).toBe('t=1700000000,v1=aa657de25e25fc5bec3e26378b35a26243215d7b099d41f76df5823800b34e82');
  });

  it.each([
    ['the body it signed', (body: string) => body, 'whsec', 'valid'],
    ['a body changed by one byte', (body: string) => body.replace('a', 'b'), 'whsec', 'invalid'],
    ['another secret', (body: string) => body, 'other', 'invalid'],
  ])('gives a receiver a signature that verifies for %s', (_, change, secret, verdict) => {
    const body = JSON.stringify(webhookBody(notification()));
    const header = webhookSignature(body, 'whsec', Math.floor(Date.now() / 1000));
    expect(verifySignature(header, change(body), secret)).toBe(verdict);
  });

  it('refuses, as a receiver, a signature older than five minutes', () => {
    const header = webhookSignature('{}', 'whsec', Math.floor(Date.now() / 1000) - 301);
    expect(verifySignature(header, '{}', 'whsec')).toBe('invalid');
  });
});

describe('email', () => {
  it('escapes everything in the HTML part but the safe renderer output, and absolutes root-relative links', () => {
    const entry = update('identified', 'See [the SLA](/sla/), [bad](javascript:alert(1)) and <img src=x onerror=alert(1)>.');
    const message = emailMessage(notification({}, entry), ['mailto:leave@status.test']);
    expect(message.html).toContain('<h1 style="font-size: 1.25rem">Identified: Errors &lt;b&gt;&amp;&lt;/b&gt; on the API</h1>');
    expect(message.html).toContain('<a href="https://status.test/sla/">the SLA</a>');
    expect(message.html).not.toMatch(/javascript:|<img/);
    expect(message.html).toContain('<li>Compute &amp; &lt;Co&gt;: Major outage</li>');
    expect(message.text).toContain('See the SLA (/sla/), bad and <img src=x onerror=alert(1)>.');
    expect(message.list).toEqual({ unsubscribe: [['mailto:leave@status.test']] });
    expect(message.text).toContain('Unsubscribe: mailto:leave@status.test');
  });

  it('has no List-Unsubscribe without an address for it', () => {
    expect(emailMessage(notification(), [])).not.toHaveProperty('list');
  });
});
