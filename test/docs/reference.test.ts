/**
 * docs/content.md is the content reference editors read instead of the code:
 * every field each reader accepts, every status word, level, cause and kind,
 * and the limits the check enforces. These tests take the readers' own lists,
 * so a field added to a reader fails here until the reference documents it.
 */
import { describe, expect, it } from 'vitest';
import { FILE_SIZE_LIMIT } from '../../src/contract/load-content.ts';
import { BODY_LIMIT, NESTING_LIMIT, TEXT_LIMITS } from '../../src/contract/fields.ts';
import { AFFECTED_FIELDS, AHEAD_LEEWAY_MS, INCIDENT_FIELDS, SCHEDULED_FIELDS } from '../../src/contract/read-incident.ts';
import { COMMON_FIELDS, TYPE_FIELDS } from '../../src/contract/read-notify.ts';
import { CLAIM_FIELDS, LONGEST_PERIOD, POLICY_FIELDS, TIER_FIELDS } from '../../src/contract/read-policies.ts';
import { ID_LIMIT, SERVICE_FIELDS } from '../../src/contract/read-services.ts';
import { SITE_FIELDS, SUPPORT_FIELDS } from '../../src/contract/read-site.ts';
import { TRANSLATION_FIELDS } from '../../src/contract/read-translation.ts';
import { postmortemWordIn, statusWord, statusWordIn } from '../../src/contract/timeline.ts';
import { YAML_DEPTH_LIMIT } from '../../src/contract/yaml-source.ts';
import { DEFAULT_CAP_PERCENT, DEFAULT_EXCLUDED_CAUSES, DEFAULT_FEED_ITEMS, DEFAULT_WEIGHTS } from '../../src/core/defaults.ts';
import { CAUSES, SERVICE_STATUSES } from '../../src/core/levels.ts';
import { EARLIEST_YEAR, MINUTE_MS } from '../../src/core/time.ts';
import { CLAIM_METHODS, CLAIM_PLACEHOLDERS, INCIDENT_KINDS, LOCALES, statusesOf, UPDATE_STATUSES } from '../../src/core/types.ts';
import { CHANNEL_TYPES } from '../../src/notify/channels.ts';
import { codeSpans, readSections, rowNamed, sectionAt, tableRows, textOf, type Section } from './markdown.ts';

const doc = readSections('docs/content.md');

/** The names in the first column of the tables a section holds itself (not its sub-sections'). */
function documentedFields(section: Section): string[] {
  return tableRows(section.tokens).map((row) => codeSpans(row[0] ?? '')[0] ?? '');
}

/** The row for `name` in a section's own tables; fails the test, naming the section, when there is none. */
function row(path: string[], name: string): string[] {
  const found = rowNamed(sectionAt(doc, ...path).tokens, name);
  if (!found) throw new Error(`docs/content.md, section '${path.join(' › ')}', has no table row for \`${name}\``);
  return found;
}

describe('docs/content.md, the content reference', () => {
  // Each list a reader accepts, and the section of the reference that must document it.
  const FIELD_LISTS: [string[], string, readonly string[]][] = [
    [['site.yaml'], 'SITE_FIELDS (read-site.ts)', SITE_FIELDS],
    [['site.yaml', 'support entries'], 'SUPPORT_FIELDS (read-site.ts)', SUPPORT_FIELDS],
    [['services.yaml'], 'SERVICE_FIELDS (read-services.ts)', SERVICE_FIELDS],
    [['sla.yaml'], 'POLICY_FIELDS (read-policies.ts)', POLICY_FIELDS],
    [['sla.yaml', 'tiers'], 'TIER_FIELDS (read-policies.ts)', TIER_FIELDS],
    [['sla.yaml', 'claim'], 'CLAIM_FIELDS (read-policies.ts)', CLAIM_FIELDS],
    [['Incident files'], 'INCIDENT_FIELDS (read-incident.ts)', INCIDENT_FIELDS],
    [['Incident files', 'affected entries'], 'AFFECTED_FIELDS (read-incident.ts)', AFFECTED_FIELDS],
    [['Incident files', 'scheduled'], 'SCHEDULED_FIELDS (read-incident.ts)', SCHEDULED_FIELDS],
    [['Translation files'], 'TRANSLATION_FIELDS (read-translation.ts)', TRANSLATION_FIELDS],
    [['notify.yaml'], 'COMMON_FIELDS (read-notify.ts)', COMMON_FIELDS],
    ...CHANNEL_TYPES.map((type): [string[], string, readonly string[]] => [['notify.yaml'], `TYPE_FIELDS.${type} (read-notify.ts)`, TYPE_FIELDS[type]]),
  ];

  it.each(FIELD_LISTS)('documents in its section %j every field of %s, with its type, default and an example', (path, _list, fields) => {
    const section = sectionAt(doc, ...path);
    const documented = documentedFields(section);
    expect(fields.filter((field) => !documented.includes(field)), `fields missing from the table in '${path.join(' › ')}'`).toEqual([]);
    for (const field of fields) {
      const [, type, byDefault, example] = row(path, field);
      expect([type, byDefault, example].map((cell) => (cell ?? '').trim() !== ''), `\`${field}\`: type, default and example`).toEqual([true, true, true]);
    }
  });

  it('lists the fields of each notify channel type beside the type', () => {
    for (const type of CHANNEL_TYPES) {
      const [, fields] = row(['notify.yaml', 'Channel types'], type);
      expect(codeSpans(fields ?? '').toSorted(), `fields of '${type}'`).toEqual([...TYPE_FIELDS[type]].toSorted());
    }
  });

  it('gives every choice a field has, and every default the readers fill in', () => {
    const cells = (path: string[], field: string) => row(path, field).join(' | ');
    for (const locale of LOCALES) expect(cells(['site.yaml'], 'locale')).toContain(`\`${locale}\``);
    expect(row(['site.yaml'], 'feedItems')[2]).toContain(`\`${DEFAULT_FEED_ITEMS}\``);
    for (const type of CHANNEL_TYPES) expect(cells(['notify.yaml'], 'type')).toContain(`\`${type}\``);
    for (const how of CLAIM_METHODS) expect(cells(['sla.yaml', 'claim'], 'how')).toContain(`\`${how}\``);
    for (const placeholder of CLAIM_PLACEHOLDERS) expect(cells(['sla.yaml', 'claim'], 'url')).toContain(`\`{${placeholder}}\``);
    expect(cells(['sla.yaml', 'claim'], 'within')).toContain(`${LONGEST_PERIOD.months}`);
    expect(cells(['sla.yaml', 'claim'], 'within')).toContain(`${LONGEST_PERIOD.days}`);
    expect(row(['sla.yaml'], 'capPercent')[2]).toContain(`\`${DEFAULT_CAP_PERCENT}\``);
    expect(row(['sla.yaml'], 'excludedCauses')[2]).toContain(`\`[${DEFAULT_EXCLUDED_CAUSES.join(', ')}]\``);
    const weights = row(['sla.yaml'], 'weights')[2]!;
    for (const level of ['major-outage', 'partial-outage', 'degraded-performance'] as const) expect(weights).toContain(`\`${level}: ${DEFAULT_WEIGHTS[level]}\``);
    expect(weights).toContain('`under-maintenance`');
  });

  it('gives every status its English and Chinese heading word, and the postmortem its two', () => {
    for (const status of UPDATE_STATUSES) {
      const [, english, chinese] = row(['Status words'], status);
      expect([english?.trim(), chinese?.trim()], `status '${status}'`).toEqual([statusWord(status), statusWordIn(status, 'zh-CN')]);
    }
    const section = textOf(sectionAt(doc, 'Status words').tokens);
    for (const locale of LOCALES) expect(section).toContain(`| ${postmortemWordIn(locale)} |`);
  });

  it('lists every kind with the statuses its updates may have', () => {
    for (const kind of INCIDENT_KINDS) {
      const statuses = row(['Kinds'], kind)[2]!;
      for (const status of statusesOf(kind)) expect(statuses, `kind '${kind}'`).toContain(statusWord(status));
    }
  });

  it('lists every level with its default weight, and every cause with whether the default policy counts it', () => {
    for (const level of SERVICE_STATUSES) {
      const [, , weight] = row(['Levels'], level);
      if (level !== 'operational') expect(weight, `level '${level}'`).toContain(String(DEFAULT_WEIGHTS[level]));
    }
    for (const cause of CAUSES) {
      const counted = row(['Causes'], cause)[2]!.trim();
      expect(counted, `cause '${cause}'`).toBe(DEFAULT_EXCLUDED_CAUSES.includes(cause) ? 'no' : 'yes');
    }
  });

  it("states each of the check's limits as the code sets it", () => {
    const refuses = sectionAt(doc, 'What the check refuses').tokens;
    const limit = (what: string) => {
      const found = tableRows(refuses).find((cells) => cells[0]!.includes(what));
      if (!found) throw new Error(`no row for '${what}' in 'What the check refuses'`);
      return found[1]!;
    };
    expect(limit('a content file')).toContain(`${FILE_SIZE_LIMIT / 1024 / 1024} MB`);
    expect(limit('an incident title')).toContain(`${TEXT_LIMITS.title} characters`);
    expect(limit("a service's name")).toContain(`${TEXT_LIMITS.name} characters`);
    expect(limit('description')).toContain(`${TEXT_LIMITS.description} characters`);
    expect(limit('a service id')).toContain(`${ID_LIMIT} characters`);
    expect(limit("the text below an incident's front matter")).toContain(`${BODY_LIMIT.toLocaleString('en')} characters`);
    expect(limit("the text below an incident's front matter")).toContain(`${NESTING_LIMIT} levels`);
    expect(limit('YAML')).toContain(`${YAML_DEPTH_LIMIT} levels`);
    expect(limit('times')).toContain(`before ${EARLIEST_YEAR}-01-01 00:00 UTC`);
    expect(limit('times')).toContain(`${AHEAD_LEEWAY_MS / MINUTE_MS} minutes after now`);
  });
});
