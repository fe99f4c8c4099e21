/**
 * notify.yaml (optional): the channels notifications go to. Secrets are
 * refused when written out; only `env:NAME` is accepted for them, and whether
 * NAME is set is for `npm run notify` to say where it runs (a pull request's
 * check has no secrets).
 */
import type { Locale } from '../core/types.ts';
import { CHANNEL_TYPES, type Channel, type ChannelType, type SecretRef } from '../notify/channels.ts';
import { Fields, shown } from './fields.ts';
import { suggestId, type ContentProblem } from './problems.ts';
import { ID_FIX, ID_PATTERN } from './read-services.ts';
import type { YamlSource } from './yaml-source.ts';

/** The fields every channel may hold. */
export const COMMON_FIELDS = ['id', 'type', 'services', 'locale'];
/** The fields each type takes, besides id, type and services. */
export const TYPE_FIELDS: Record<ChannelType, string[]> = {
  slack: ['url'],
  discord: ['url'],
  teams: ['url'],
  webhook: ['url', 'secret'],
  email: ['to', 'from', 'smtp', 'unsubscribe'],
};
const ALL_FIELDS = [...new Set([...COMMON_FIELDS, ...Object.values(TYPE_FIELDS).flat()])];

/** `env:NAME`: an environment variable's name as shells and CI systems allow it. */
const ENV_REF = /^env:([A-Za-z_][A-Za-z0-9_]*)$/;
/** `name@example.com` or `Name <name@example.com>`, on one line. */
// eslint-disable-next-line no-control-regex
const ADDRESS = /^(?:[^<>\u0000-\u001f\u007f]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;
const UNSUBSCRIBE = /^(?:mailto:[^\s<>,]+@[^\s<>,]+|https:\/\/[^\s<>,]+)$/i;

/**
 * Reads notify.yaml against the service ids of services.yaml and the site's
 * languages (the first first: a channel without `locale` gets it). Every
 * mistake is added to `problems`; channels with a mistake are left out (the
 * content check then fails, so they are never used).
 */
export function readNotify(source: YamlSource, serviceIds: readonly string[], languages: readonly Locale[], problems: ContentProblem[]): Channel[] {
  const list = source.value ?? [];
  if (!Array.isArray(list)) {
    problems.push({ file: source.file, line: 1, message: 'notify.yaml is not a list of channels', fix: "start each channel with '- id: …' and 'type: slack' (or discord, teams, webhook, email)" });
    return [];
  }
  const channels: Channel[] = [];
  const seen = new Map<string, number>();
  list.forEach((entry, index) => {
    const fields = Fields.at(source, [index], entry, problems, `channel ${index + 1}`);
    if (!fields) return;
    const before = problems.length;
    const type = fields.oneOf('type', CHANNEL_TYPES, 'channel type', true);
    fields.allowOnly(type ? [...COMMON_FIELDS, ...TYPE_FIELDS[type]] : ALL_FIELDS, type ? `a ${type} channel` : 'a channel');
    const id = fields.string('id', true);
    if (id !== undefined && !ID_PATTERN.test(id)) fields.report('id', `channel id '${id}' is not a plain id`, ID_FIX);
    else if (id !== undefined && seen.has(id)) fields.report('id', `channel id '${id}' is already used on line ${seen.get(id)}`, 'give each channel its own id');
    else if (id !== undefined) seen.set(id, fields.lineOf('id'));
    const services = readServiceFilter(fields, serviceIds);
    const locale = readLocale(fields, languages);
    const secret = (key: string, required: boolean) => readSecret(fields, key, required, id);
    const base = { id: id ?? '', locale, services, where: `${source.file}:${fields.lineOf()}` };
    let channel: Channel | undefined;
    if (type === 'slack' || type === 'discord' || type === 'teams') {
      const url = secret('url', true);
      channel = url && { ...base, type, url };
    } else if (type === 'webhook') {
      const url = secret('url', true);
      const signing = secret('secret', false);
      channel = url && { ...base, type, url, secret: signing ?? null };
    } else if (type === 'email') {
      const to = readAddresses(fields, 'to', true);
      const from = readAddresses(fields, 'from', true, false)?.[0];
      const smtp = secret('smtp', true);
      const unsubscribe = readUnsubscribe(fields);
      channel = to && from !== undefined && smtp ? { ...base, type, to, from, smtp, unsubscribe } : undefined;
    }
    if (channel && problems.length === before) channels.push(channel);
  });
  return channels;
}

/** `locale:` one of the site's languages, whatever its case; the first when left out (or wrong, which is reported). */
function readLocale(fields: Fields, languages: readonly Locale[]): Locale {
  const tag = fields.string('locale', false);
  if (tag === undefined) return languages[0]!;
  const locale = languages.find((language) => language.toLowerCase() === tag.toLowerCase());
  if (locale !== undefined) return locale;
  fields.report('locale', `'locale' ${shown(tag)} is not one of the site's languages (${languages.join(', ')})`, languages.length > 1 ? `use one of: ${languages.join(', ')}` : "add it to 'languages' in site.yaml, or remove the line");
  return languages[0]!;
}

/** `services:` as a list of known service ids; `null` when left out (every update). */
function readServiceFilter(fields: Fields, serviceIds: readonly string[]): string[] | null {
  const list = fields.list('services');
  if (list === undefined) return null;
  if (list.length === 0) {
    fields.report('services', "'services' is an empty list: the channel would never be sent anything", 'list service ids, or remove the line to send every update');
    return null;
  }
  const services: string[] = [];
  list.forEach((value, index) => {
    if (typeof value !== 'string') {
      fields.report('services', `service ${index + 1} in 'services' should be a service id, found ${shown(value)}`, "write one id per '- ' line");
    } else if (!serviceIds.includes(value)) {
      fields.problems.push({
        file: fields.source.file,
        line: fields.source.lineOf([...fields.path, 'services', index]),
        message: `unknown service '${value}'`,
        fix: `${suggestId(value, serviceIds)} (services are in services.yaml)`,
      });
    } else {
      services.push(value);
    }
  });
  return services;
}

/**
 * A secret field: `env:NAME` only. A value written out is refused without
 * being repeated in the message, so the check's output does not spread it.
 */
function readSecret(fields: Fields, key: string, required: boolean, channelId: string | undefined): SecretRef | undefined {
  const value = fields.string(key, required);
  if (value === undefined) return undefined;
  const match = ENV_REF.exec(value);
  if (match) return { env: match[1]!, where: `${fields.source.file}:${fields.lineOf(key)}` };
  const suffix = key === 'smtp' ? 'SMTP_URL' : key === 'secret' ? 'SECRET' : 'URL';
  const example = `${(channelId ?? 'channel').toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_${suffix}`;
  if (/^\s*env\s*:/i.test(value)) {
    return fields.report(key, `'${key}' does not name an environment variable: ${shown(value)}`, `write env: and a name of letters, digits and underscores, with no space, e.g. env:${example}`);
  }
  return fields.report(
    key,
    `'${key}' is written out in notify.yaml: it is a secret and must not be in git`,
    `keep it in an environment variable (a CI secret), write '${key}: env:${example}', and replace the secret, since git history keeps it`,
  );
}

/** Email addresses: one, or (when `many`) a list. */
function readAddresses(fields: Fields, key: string, required: boolean, many = true): string[] | undefined {
  const value = fields.record[key];
  const values = many && Array.isArray(value) ? value : undefined;
  const written = values ?? [fields.string(key, required)];
  if (written.length === 0) return fields.report(key, `'${key}' is an empty list`, 'give at least one address');
  const addresses: string[] = [];
  for (const address of written) {
    if (address === undefined) return undefined;
    if (typeof address !== 'string' || !ADDRESS.test(address.trim())) {
      return fields.report(key, `'${key}' has an address that is not one: ${shown(address)}`, 'write name@example.com, or Name <name@example.com>');
    }
    addresses.push(address.trim());
  }
  return addresses;
}

/** `unsubscribe`: one or more `mailto:` or `https:` addresses for List-Unsubscribe. */
function readUnsubscribe(fields: Fields): string[] {
  const value = fields.record.unsubscribe;
  const written = Array.isArray(value) ? value : value === undefined ? [] : [fields.string('unsubscribe', false)];
  const addresses: string[] = [];
  for (const address of written) {
    if (address === undefined) return [];
    if (typeof address !== 'string' || !UNSUBSCRIBE.test(address.trim())) {
      fields.report('unsubscribe', `'unsubscribe' is not a mailto: or https: address: ${shown(address)}`, 'write e.g. mailto:status-unsubscribe@example.com or https://example.com/unsubscribe');
      return [];
    }
    addresses.push(address.trim());
  }
  return addresses;
}
