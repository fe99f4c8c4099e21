/**
 * Every writer against hostile text: strings with every control character,
 * bidi controls, comment and CDATA ends, `</script>`, lone CR, U+2028 and
 * unpaired surrogates go into names, titles, descriptions and update bodies,
 * straight into the writers (past the content check, which refuses most of
 * them). Each output must parse in a real reader of its language and give
 * back the text, less only what that language cannot carry; never markup.
 */
import fc from 'fast-check';
import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/contract/markdown.ts';
import { summaryJson } from '../../src/outputs/api-v1.ts';
import { statuspageApi } from '../../src/outputs/api-v2.ts';
import { statusBadges } from '../../src/outputs/badges.ts';
import { maintenanceCalendar } from '../../src/outputs/calendar.ts';
import { embedScript } from '../../src/outputs/embed.ts';
import { atomFeed } from '../../src/outputs/atom.ts';
import { feedChannel, feedEntries } from '../../src/outputs/feeds.ts';
import { computeLedger } from '../../src/core/ledger.ts';
import type { Content } from '../../src/core/types.ts';
import { languageOf } from '../../src/i18n/language.ts';
import { rssResponse } from '../../src/outputs/rss.ts';
import { en, incident, service, standardPolicy, testSite } from '../builders.ts';
import { schemaErrors } from '../build/statuspage-schemas.ts';
import { asCalendarReadsIt, asXmlReadsIt, badCalendarLines, elements, parseCalendar, parseXml, runEmbed, type XmlElement } from './parsers.ts';

/** `element` and every element inside it. */
function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendants)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const NOW = Date.parse('2025-02-10T00:00:00Z');
const HOUR = 3_600_000;
const language = languageOf(testSite);
const { t } = language;

const CONTROLS = [...Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)), '\u007f', ...Array.from({ length: 32 }, (_, code) => String.fromCharCode(0x80 + code))];
const FRAGMENTS = [
  '*/', '/*', ']]>', '<![CDATA[', '</script>', '<script>alert(1)</script>', '<!--', '-->', '<b>bold</b>', '<img src=x onerror=alert(1)>',
  '\r', '\n', '\r\n', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c',
  '&', '&amp;', '&#0;', '<', '>', '"', "'", '\\', ';', ',', ':', '`', '${x}', '\ud800', '\udfff', '\ufffe', '\uffff', 'مخزن', 'שירות', '😀', '存储',
];

/** A string built from hostile fragments, control characters and arbitrary UTF-16. */
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...CONTROLS), fc.string({ unit: 'binary', maxLength: 6 })), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.join(''))
  .filter((text) => text !== '');

const texts = fc.record({
  siteTitle: hostile,
  description: hostile,
  ecsName: hostile,
  ossName: hostile,
  tierName: hostile,
  ongoingTitle: hostile,
  maintenanceTitle: hostile,
  body: hostile,
  // What site.yaml's check lets through: an http(s) address with no white space, control characters and all.
  hub: hostile.map((text) => `https://hub.test/${text.replace(/\s/g, '')}`),
});
type Texts = typeof texts extends fc.Arbitrary<infer T> ? T : never;

/** Content holding the hostile texts: an ongoing incident on ecs, a costly resolved one on oss, an upcoming maintenance. */
function hostileContent(text: Texts): Content {
  const maintenanceFrom = NOW + 24 * HOUR;
  const update = { status: 'investigating' as const, at: NOW - HOUR, text: { en: { html: renderMarkdown(text.body), markdown: text.body } }, line: 9 };
  return {
    site: { ...testSite, title: en(text.siteTitle), description: en(text.description), websubHub: text.hub },
    services: [service('ecs', { name: en(text.ecsName) }), service('oss', { name: en(text.ossName) })],
    policies: [standardPolicy({ tiers: [{ id: 'hostile', name: en(text.tierName), below: 99.95, prorated: true, creditPercent: 0 }] })],
    incidents: [
      incident('2025-02-01 10:00:00Z', '2025-02-01 20:00:00Z', { id: 'costly', services: ['oss'], title: en(text.ongoingTitle), updates: [{ ...update, status: 'resolved', at: NOW - 200 * HOUR }] }),
      incident('2025-02-09 22:00:00Z', null, { id: 'ongoing', services: ['ecs'], title: en(text.ongoingTitle), updates: [update] }),
      incident('2025-02-11 00:00:00Z', '2025-02-11 02:00:00Z', {
        id: 'upgrade',
        kind: 'maintenance',
        title: en(text.maintenanceTitle),
        cause: 'maintenance',
        level: 'under-maintenance',
        scheduled: { from: maintenanceFrom, to: maintenanceFrom + 2 * HOUR },
        resolved: null,
        affected: [{ service: 'ecs', level: 'under-maintenance', from: maintenanceFrom, to: maintenanceFrom + 2 * HOUR }],
        updates: [{ ...update, status: 'scheduled' }],
      }),
    ],
  };
}

/** No element or attribute in `html` that could run or load anything. */
function expectNoActiveMarkup(html: string): void {
  for (const element of parseHtml(html).querySelectorAll('*')) {
    expect(['script', 'img', 'iframe', 'object', 'embed', 'style', 'b']).not.toContain(element.tagName.toLowerCase());
    for (const [name, value] of Object.entries(element.attributes)) {
      expect(name.toLowerCase().startsWith('on')).toBe(false);
      if (name === 'href') expect(value).toMatch(/^(https?:|mailto:|\/|#|[^:]*$)/i);
    }
  }
}

const RUNS = { numRuns: 150 };

describe('every writer, given hostile text', () => {
  it('embed.js is ASCII, never closes a comment, string or script element, runs, and shows the titles as text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const content = hostileContent(text);
        const script = embedScript(computeLedger(content, NOW), content.site, language);
        expect(script).toMatch(/^[\x20-\x7e\n]*$/);
        expect(script).not.toMatch(/<\/script|<!--/i);
        const shown = runEmbed(script);
        expect(shown).toContain(text.siteTitle);
        expect(shown).toContain(text.ongoingTitle);
      }),
      RUNS,
    );
  });

  it('maintenance.ics has valid content lines and reads back in a calendar parser with the same text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const content = hostileContent(text);
        const ics = maintenanceCalendar(computeLedger(content, NOW), content.site, language);
        expect(badCalendarLines(ics)).toEqual([]);
        const calendar = parseCalendar(ics);
        expect(calendar.name).toBe(asCalendarReadsIt(t.calendar.name(text.siteTitle)));
        expect(calendar.events).toHaveLength(1);
        expect(calendar.events[0]!.summary).toBe(asCalendarReadsIt(t.calendar.title(text.maintenanceTitle)));
        expect(calendar.events[0]!.description).toBe(asCalendarReadsIt(`${t.calendar.affects(text.ecsName)} https://status.test/incidents/upgrade/`));
      }),
      RUNS,
    );
  });

  it('badges are well-formed XML whose title is the name as text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const badges = statusBadges(computeLedger(hostileContent(text), NOW), language);
        for (const badge of badges) {
          for (const element of descendants(parseXml(badge.svg))) {
            expect(['svg', 'title', 'linearGradient', 'stop', 'clipPath', 'rect', 'g', 'text']).toContain(element.name);
            expect(Object.keys(element.attributes).filter((name) => name.toLowerCase().startsWith('on'))).toEqual([]);
          }
        }
        const ecs = parseXml(badges.find((badge) => badge.name === 'ecs')!.svg);
        expect(elements(ecs, 'title')[0]!.text).toBe(asXmlReadsIt(`${text.ecsName}: major outage`));
        const uptime = parseXml(badges.find((badge) => badge.name === 'oss-uptime')!.svg);
        expect(elements(uptime, 'title')[0]!.text).toMatch(new RegExp(`^${escapeRegExp(asXmlReadsIt(t.badge.uptime(text.ossName)))}: \\d+\\.\\d{3}%$`));
      }),
      RUNS,
    );
  });

  it('RSS feeds are well-formed XML: titles and the hub address come back as text, the channel description as HTML-escaped text, items as safe HTML', async () => {
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        const content = hostileContent(text);
        const ledger = computeLedger(content, NOW);
        const items = feedEntries(ledger, content.site, language);
        const response = await rssResponse({ ...feedChannel(content.site, language), self: 'https://status.test/rss.xml' }, items);
        const channel = elements(parseXml(await response.text()), 'channel')[0]!;
        const own = (name: string) => channel.children.find((child) => child.name === name)!;
        expect(own('title').text).toBe(asXmlReadsIt(text.siteTitle));
        const description = parseHtml(own('description').text);
        expect(description.querySelectorAll('*')).toHaveLength(0);
        expect(description.text).toBe(asXmlReadsIt(text.description));
        const links = elements(channel, 'atom:link');
        expect(links.map((link) => [link.attributes.rel, link.attributes.href])).toEqual([['hub', asXmlReadsIt(text.hub)], ['self', 'https://status.test/rss.xml']]);
        const entries = elements(channel, 'item');
        expect(entries.map((entry) => entry.children.find((child) => child.name === 'title')!.text)).toContain(asXmlReadsIt(`Investigating: ${text.ongoingTitle}`));
        for (const entry of entries) expectNoActiveMarkup(entry.children.find((child) => child.name === 'description')!.text);
      }),
      { numRuns: 60 },
    );
  });

  it('Atom feeds are well-formed XML: titles, subtitles and the hub address come back as text, content as safe HTML, per service too', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const content = hostileContent(text);
        const ledger = computeLedger(content, NOW);
        for (const service of [undefined, content.services[0]!]) {
          const entries = feedEntries(ledger, content.site, language, service?.id);
          const feed = parseXml(atomFeed({ ...feedChannel(content.site, language, service), self: 'https://status.test/history.atom' }, entries, NOW));
          const own = (element: XmlElement, name: string) => element.children.find((child) => child.name === name)!;
          expect(own(feed, 'title').text).toBe(asXmlReadsIt(service ? `${text.ecsName} · ${text.siteTitle}` : text.siteTitle));
          expect(own(feed, 'subtitle').text).toBe(asXmlReadsIt(service ? t.feed.serviceDescription(text.ecsName) : text.description));
          expect(own(own(feed, 'author'), 'name').text).toBe(asXmlReadsIt(text.siteTitle));
          expect(feed.children.find((child) => child.name === 'link' && child.attributes.rel === 'hub')!.attributes.href).toBe(asXmlReadsIt(text.hub));
          const titles = elements(feed, 'entry').map((entry) => own(entry, 'title').text);
          expect(titles).toContain(asXmlReadsIt(`Investigating: ${text.ongoingTitle}`));
          for (const entry of elements(feed, 'entry')) {
            expect(own(entry, 'content').attributes.type).toBe('html');
            expectNoActiveMarkup(own(entry, 'content').text);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the JSON API gives every text back exactly', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const content = hostileContent(text);
        const json = JSON.parse(JSON.stringify(summaryJson(computeLedger(content, NOW), content.site)));
        expect(json.services.map((entry: { name: string }) => entry.name)).toEqual([text.ecsName, text.ossName]);
        expect(json.activeIncidents[0].title).toBe(text.ongoingTitle);
      }),
      RUNS,
    );
  });

  it('the Statuspage-compatible API gives every name and title back exactly, and every file keeps its schema', () => {
    const FILES: Record<string, keyof ReturnType<typeof statuspageApi>> = {
      'summary.json': 'summary',
      'status.json': 'status',
      'components.json': 'components',
      'incidents.json': 'incidents',
      'incidents/unresolved.json': 'unresolved',
      'scheduled-maintenances.json': 'maintenances',
      'scheduled-maintenances/upcoming.json': 'upcoming',
      'scheduled-maintenances/active.json': 'active',
    };
    fc.assert(
      fc.property(texts, (text) => {
        const content = hostileContent(text);
        const api = JSON.parse(JSON.stringify(statuspageApi(computeLedger(content, NOW), content.site, language)));
        expect(api.summary.page.name).toBe(text.siteTitle);
        expect(api.components.components.filter((entry: { group: boolean }) => !entry.group).map((entry: { name: string }) => entry.name)).toEqual([text.ecsName, text.ossName]);
        expect(api.summary.incidents[0].name).toBe(text.ongoingTitle);
        expect(api.upcoming.scheduled_maintenances[0].name).toBe(text.maintenanceTitle);
        for (const [file, key] of Object.entries(FILES)) expect(schemaErrors(file, api[key])).toEqual([]);
      }),
      RUNS,
    );
  });
});
