/** services.yaml: the service catalog. */
import type { Locale, Service, Site } from '../core/types.ts';
import { Fields } from './fields.ts';
import { suggestId, type ContentProblem } from './problems.ts';
import { readSince } from './read-site.ts';
import type { YamlSource } from './yaml-source.ts';

/** The group of a service that names none: the same word in every language. */
const DEFAULT_GROUP = { en: 'Services', 'zh-CN': 'Services' };
/** An empty text, in every language. */
const NO_TEXT = { en: '', 'zh-CN': '' };

/** Ids used in URLs: lowercase letters and digits, words joined by single dashes. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_FIX = 'use lowercase letters, digits and single dashes, e.g. ecs-hangzhou';
/** The longest id, in characters: ids are parts of URLs and file names. */
export const ID_LIMIT = 64;

/** The device names Windows reserves, as messages list them. */
export const WINDOWS_DEVICE_NAMES = 'CON, PRN, AUX, NUL, COM0–9, LPT0–9, in any case, with any extension';

/**
 * Whether `name` (a file or folder name, or an id that becomes one) is a
 * device name Windows reserves: CON, PRN, AUX, NUL, COM0–9, LPT0–9 (and
 * COM¹²³, LPT¹²³), in any case, alone or before any extension (`con.md`,
 * `nul.en.md`). Windows can create no such file, so a repository holding
 * one cannot be checked out there, nor a site with one be built.
 */
export function isWindowsDeviceName(name: string): boolean {
  return /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])[ ]*(?:\.|$)/i.test(name);
}

/**
 * Why a service id is reserved, or `undefined`: `overall` and `<id>-uptime`
 * are badge file names (`/badges/overall.svg`, `/badges/<id>-uptime.svg`) that
 * a service's own badge would overwrite; a Windows device name (`nul`) cannot
 * be the name of its page's folder or its badge there.
 */
export function reservedServiceId(id: string): string | undefined {
  if (id === 'overall') return "'overall' is the site's own badge (/badges/overall.svg)";
  if (id.endsWith('-uptime')) return "ids ending in '-uptime' name the uptime badges (/badges/<id>-uptime.svg)";
  if (isWindowsDeviceName(id)) return `it is a device name on Windows (${WINDOWS_DEVICE_NAMES}), which cannot name the service's folder and badge there`;
  return undefined;
}

/** The fields a service may hold. */
export const SERVICE_FIELDS = ['id', 'name', 'group', 'description', 'sla', 'since'];

/**
 * Reads services.yaml. `policyIds` are the policies in sla.yaml (`undefined`
 * when sla.yaml is missing, which is reported on its own): a service without
 * `sla` gets the first; `sla: none` means no SLA. Names, groups and
 * descriptions are in the site's `languages` (the first first). A service's
 * `since` is read in `site`'s zone; without one it takes the site's.
 */
export function readServices(
  source: YamlSource,
  policyIds: readonly string[] | undefined,
  languages: readonly Locale[],
  problems: ContentProblem[],
  site: Pick<Site, 'timeZone' | 'since'> = { timeZone: 'UTC' },
): Service[] {
  const services: Service[] = [];
  const list = source.value ?? [];
  if (!Array.isArray(list)) {
    problems.push({ file: source.file, line: 1, message: 'services.yaml is not a list', fix: "start each service with '- id: …'" });
    return services;
  }
  const seen = new Map<string, number>();
  list.forEach((entry, index) => {
    const fields = Fields.at(source, [index], entry, problems, `service ${index + 1}`);
    if (!fields) return;
    fields.allowOnly(SERVICE_FIELDS, 'a service');
    const id = fields.string('id', true);
    const name = fields.localized('name', true, 'name', languages);
    const group = fields.localized('group', false, 'name', languages) ?? DEFAULT_GROUP;
    const description = fields.localized('description', false, 'description', languages) ?? NO_TEXT;
    if (id === undefined || name === undefined) return;
    if (!ID_PATTERN.test(id)) return fields.report('id', `service id '${id}' cannot be used in a URL`, ID_FIX);
    if (id.length > ID_LIMIT) return fields.report('id', `service id '${id}' is ${id.length} characters long, more than ${ID_LIMIT}`, 'shorten it');
    const reserved = reservedServiceId(id);
    if (reserved) return fields.report('id', `service id '${id}' is reserved: ${reserved}`, 'choose another id');
    if (seen.has(id)) {
      return fields.report('id', `service id '${id}' is already used on line ${seen.get(id)}`, 'give each service its own id');
    }
    seen.set(id, fields.lineOf('id'));
    const sla = fields.string('sla', false);
    let policy: string | null = policyIds?.[0] ?? null;
    if (sla === 'none') policy = null;
    else if (sla !== undefined && (policyIds === undefined || policyIds.includes(sla))) policy = sla;
    else if (sla !== undefined) {
      return fields.report('sla', `unknown SLA policy '${sla}'`, `${suggestId(sla, [...(policyIds ?? []), 'none'])} (policies are in sla.yaml)`);
    }
    const since = readSince(fields, site.timeZone) ?? site.since;
    services.push({ id, name, group, description, sla: policy, ...(since === undefined ? {} : { since }) });
  });
  return services;
}
