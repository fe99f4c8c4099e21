/**
 * `npm run notify`: sends each update of the new build that the previous
 * manifest lacks, oldest first, to every channel that wants it, and reports
 * per channel. Every line it prints goes through the secrets' redactor.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { incidentUrl, updateId } from '../outputs/links.ts';
import type { Incident, Locale, Site, Update } from '../core/types.ts';
import { languageOf } from '../i18n/language.ts';
import { readContentFiles, resolveContent } from '../contract/load-content.ts';
import { formatProblem, sortProblems, suggestId } from '../contract/problems.ts';
import { nowFromEnvironment } from '../site/build-context.ts';
import { channelWants, type Channel } from './channels.ts';
import type { Delivery, RetryPolicy } from './deliver.ts';
import { ManifestError, newUpdates, parseManifest, readPrevious, sinceProblem, type Manifest, type ManifestEntry } from './manifest.ts';
import { notificationFor, type Notification } from './notification.ts';
import { openOutlet } from './outlets.ts';
import { Redactor } from './secrets.ts';
import { changedFeeds, pingHub, publishBody } from './websub.ts';
import type { CommandSpec } from '../editor/options.ts';

/** `npm run notify -- --help`: the same layout as the editor commands' help. */
export const NOTIFY_SPEC = {
  name: 'notify',
  summary: 'tell subscribers (notify.yaml) about the updates this build published that the live site did not have',
  usage: ['--since <previous updates.json: a file or https://…/api/v1/updates.json> [--first-run] [--dry-run] [--channel <id>]…', '--first-run [--dry-run] [--channel <id>]…'],
  options: {
    since: { type: 'string', value: '<file or address>', help: "the previous updates.json: a file, or the live site's address; every update it lacks is sent, oldest first" },
    'first-run': { type: 'boolean', help: 'when there is no previous updates.json (none given, a missing file, a 404 or 410), send every update of this build instead of nothing' },
    'dry-run': { type: 'boolean', help: 'print every request and email it would send, secrets shown as $NAME, and send nothing' },
    channel: { type: 'string', multiple: true, value: '<id>', help: "send to this channel of notify.yaml only, e.g. to resend after fixing it" },
  },
  examples: [
    'npm run build && npm run notify -- --since https://status.example.com/api/v1/updates.json',
    'npm run notify -- --since previous-updates.json --dry-run',
    'npm run notify -- --since previous-updates.json --channel ops     # only the channel with id ops',
  ],
  notes: [
    'Reads the build in dist/ (or STATUS_OUT_DIR) and the content folder in STATUS_CONTENT_DIR (default: content). Secrets come from the environment: notify.yaml names them as env:NAME, read from a variable NAME or from the JSON object in STATUS_SECRETS. Prints one line per channel and exits 1 when any channel failed; nothing secret is printed.',
  ],
} as const satisfies CommandSpec;

export interface NotifyOptions {
  /** The content folder the build read (`STATUS_CONTENT_DIR`). */
  contentDir: string;
  /** Where the build wrote the site (`dist`, or `STATUS_OUT_DIR`). */
  outDir: string;
  /** The previous updates.json: a file or an http(s) address. */
  since?: string;
  /** Send every update of the new build when there is no previous manifest. */
  firstRun: boolean;
  /** Print what would be sent; send nothing. */
  dryRun: boolean;
  /** Only these channel ids (all when empty). */
  channels: string[];
  env: Readonly<Record<string, string | undefined>>;
  retry: RetryPolicy;
  /** Report lines (stdout). */
  out: (line: string) => void;
  /** Problems and progress (stderr). */
  err: (line: string) => void;
}

/** Exit codes: 0 done (or nothing to do), 1 a channel or an input failed, 2 the command was misused. */
export async function runNotify(options: NotifyOptions): Promise<number> {
  const redactor = new Redactor();
  const out = (line: string) => options.out(redactor.redact(line));
  const err = (line: string) => options.err(redactor.redact(line));
  try {
    return await notify(options, redactor, out, err);
  } catch (error) {
    if (error instanceof ManifestError) {
      err(`notify: ${error.message}; nothing was sent`);
      return 1;
    }
    // One line, as every other failure: a stack says nothing to the person deploying.
    err(`notify: ${messageOf(error)}`);
    return 1;
  }
}

async function notify(options: NotifyOptions, redactor: Redactor, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const refused = options.since === undefined ? undefined : sinceProblem(options.since);
  if (refused) {
    err(`notify: ${refused}; nothing was sent`);
    return 2;
  }
  const { content, problems, notify: configured } = resolveContent(await readContentFiles(options.contentDir), nowFromEnvironment(options.env));
  if (problems.length > 0) {
    for (const problem of sortProblems(problems)) err(formatProblem(problem));
    err(`notify: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${options.contentDir}; nothing was sent`);
    return 1;
  }
  const unknown = options.channels.filter((id) => !configured.some((channel) => channel.id === id));
  if (unknown.length > 0) {
    err(`notify: no channel '${unknown[0]}' in ${options.contentDir}/notify.yaml; ${suggestId(unknown[0]!, configured.map((channel) => channel.id))}`);
    return 2;
  }
  const channels = options.channels.length > 0 ? configured.filter((channel) => options.channels.includes(channel.id)) : configured;
  const hub = content.site.websubHub;
  if (channels.length === 0 && !hub) {
    out(`no channels in ${options.contentDir}/notify.yaml and no websubHub in site.yaml: nothing to send`);
    return 0;
  }
  if (options.since === undefined && !options.firstRun) {
    err('notify: say what was sent before: --since <the previous updates.json, a file or the live site\'s address>, or --first-run to send every update of this build');
    return 2;
  }

  const current = await readCurrent(options.outDir);
  const previous = options.since === undefined ? { none: 'no --since given' } : await readPrevious(options.since, options.retry);
  if ('none' in previous && !options.firstRun) {
    out(`no previous updates.json (${previous.none}): nothing sent. On a site's first deploy, run with --first-run to send the ${current.updates.length} update${current.updates.length === 1 ? '' : 's'} of this build.`);
    return 0;
  }
  const before = 'manifest' in previous ? previous.manifest : null;
  if (before && !sameSite(before, content.site)) {
    err(`notify: ${options.since} lists updates of another site than ${content.site.url}; nothing was sent. Point --since at this site's previous updates.json`);
    return 1;
  }
  const fresh = newUpdates(current, before);
  if (fresh.length === 0) {
    out(before ? `no new updates since ${options.since}: nothing to send` : 'the build\'s updates.json lists no updates: nothing to send');
    return 0;
  }

  // One list per language a channel is in; the first language's is what the report and WebSub name.
  const inLanguage = (locale: Locale) =>
    notificationsFor(fresh, content.incidents, (incident, update) => notificationFor(incident, update, content.site, content.services, languageOf(content.site, locale)));
  const notifications = inLanguage(content.site.locale);
  if ('missing' in notifications) {
    err(`notify: ${path.join(options.outDir, 'api/v1/updates.json')} lists updates that are not in ${options.contentDir}: ${notifications.missing.join(', ')}; run notify on the content the site was built from (STATUS_CONTENT_DIR); nothing was sent`);
    return 1;
  }
  out(`${fresh.length} new update${fresh.length === 1 ? '' : 's'}, oldest first:`);
  for (const notification of notifications.list) out(`  ${notification.id}  ${notification.statusLabel}: ${notification.incident.title}`);

  // Settled one by one: a channel that throws fails alone, and the others' results (sent or not) are still reported.
  const byLanguage = new Map<Locale, Notification[]>([[content.site.locale, notifications.list]]);
  for (const channel of channels) {
    if (!byLanguage.has(channel.locale)) byLanguage.set(channel.locale, (inLanguage(channel.locale) as { list: Notification[] }).list);
  }
  const settled = await Promise.allSettled(channels.map((channel) => deliverTo(channel, byLanguage.get(channel.locale)!, options, redactor, err)));
  const results = settled.map((outcome, index): ChannelResult => {
    if (outcome.status === 'fulfilled') return outcome.value;
    const name = channelName(channels[index]!);
    return { name, ok: false, line: `${name}: FAILED: ${redactor.redactEchoed(messageOf(outcome.reason))}` };
  });
  // Resending to chosen channels (--channel) is no news for the feeds.
  if (hub && options.channels.length === 0) results.push(await pingWebSub(hub, notifications.list, content.site, options, err));
  for (const result of results) out(result.line);
  const failed = results.filter((result) => !result.ok);
  if (failed.length > 0) {
    err(`notify: ${failed.length} channel${failed.length === 1 ? '' : 's'} failed: ${failed.map((result) => result.name).join(', ')}`);
    return 1;
  }
  return 0;
}

/** The new build's updates.json. */
async function readCurrent(outDir: string): Promise<Manifest> {
  const file = path.join(outDir, 'api', 'v1', 'updates.json');
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ManifestError(`${file} ${error.code === 'ENOENT' ? 'does not exist: build the site first (npm run build), and give notify the same STATUS_OUT_DIR' : `cannot be read: ${error.code}`}`);
  });
  return parseManifest(text, file);
}

/**
 * Whether `previous` is this site's: its updates' addresses are those this
 * site gives their incidents in its first language (`incidentUrl` with no
 * language, as updates.json writes them), compared as addresses, not as
 * text, so the manifest of another site on the same host (`https://host/eu/…`
 * for a site at `https://host`) is not taken for this one. An empty manifest
 * could be anyone's and passes; a site that moved compares against its new
 * address, which has none yet.
 */
function sameSite(previous: Manifest, site: Site): boolean {
  return previous.updates.length === 0 || previous.updates.some((entry) => sameAddress(entry.url, incidentUrl(site, entry.incident)));
}

/** Whether `url` is `page`, or a place on it (`#…`), as addresses: scheme and host in any case, a default port or none alike. */
function sameAddress(url: string, page: string): boolean {
  try {
    const [a, b] = [new URL(url), new URL(page)];
    return a.origin === b.origin && a.pathname === b.pathname && a.search === b.search;
  } catch {
    return false;
  }
}

/** Each manifest entry's notification, from the content; the ids the content lacks, if any. */
function notificationsFor(
  entries: readonly ManifestEntry[],
  incidents: readonly Incident[],
  build: (incident: Incident, update: Update) => Notification,
): { list: Notification[] } | { missing: string[] } {
  const byId = new Map<string, { incident: Incident; update: Update }>();
  for (const incident of incidents) for (const update of incident.updates) byId.set(updateId(incident, update), { incident, update });
  const missing = entries.filter((entry) => !byId.has(entry.id)).map((entry) => entry.id);
  if (missing.length > 0) return { missing };
  return { list: entries.map((entry) => build(byId.get(entry.id)!.incident, byId.get(entry.id)!.update)) };
}

/** A channel as reports name it: `ops (slack)`. */
function channelName(channel: Channel): string {
  return `${channel.id} (${channel.type})`;
}

/** What went wrong, in one line: an error's message, never its stack. */
function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
}

interface ChannelResult {
  name: string;
  ok: boolean;
  /** The channel's report line. */
  line: string;
}

/**
 * Sends `notifications` (oldest first) that `channel` wants, one after
 * another. A message refused for good (a 4xx) does not stop the next; a
 * channel still unreachable after its retries does, so the rest are reported
 * unsent rather than tried at length one by one.
 */
async function deliverTo(channel: Channel, notifications: readonly Notification[], options: NotifyOptions, redactor: Redactor, err: (line: string) => void): Promise<ChannelResult> {
  const name = channelName(channel);
  const wanted = notifications.filter((notification) => channelWants(channel, notification.services.map((service) => service.id)));
  if (wanted.length === 0) {
    return { name, ok: true, line: `${name}: nothing to send (no new update touches ${channel.services!.join(', ')})` };
  }
  const { outlet, problems } = openOutlet(channel, options.env, redactor, options.retry, (detail, waitMs, next) =>
    err(`${name}: ${detail}; attempt ${next} of ${options.retry.attempts} in ${formatWait(waitMs)}`),
  );
  const plural = (count: number) => `${count} update${count === 1 ? '' : 's'}`;
  if (options.dryRun) {
    wanted.forEach((notification, index) => {
      options.out(redactor.redact(`\n=== ${name}, ${index + 1} of ${wanted.length}: ${notification.id}\n${outlet.preview(notification)}\n`));
    });
    return problems.length > 0
      ? { name, ok: false, line: `${name}: FAILED: would not send ${plural(wanted.length)}: ${problems.join('; ')}` }
      : { name, ok: true, line: `${name}: would send ${plural(wanted.length)} (dry run)` };
  }
  if (problems.length > 0) return { name, ok: false, line: `${name}: FAILED: sent nothing of ${plural(wanted.length)}: ${problems.join('; ')}` };
  const failures: string[] = [];
  let sent = 0;
  let stopped = 0;
  try {
    for (const [index, notification] of wanted.entries()) {
      const delivery: Delivery = await outlet.send(notification);
      if (delivery.ok) {
        sent++;
        continue;
      }
      failures.push(`${notification.id}: ${delivery.detail}`);
      err(`${name}: ${notification.id} not sent: ${delivery.detail}`);
      if (delivery.transient) {
        stopped = wanted.length - index - 1;
        break;
      }
    }
  } finally {
    outlet.close();
  }
  if (failures.length === 0) return { name, ok: true, line: `${name}: sent ${plural(sent)}` };
  const rest = stopped > 0 ? `; ${plural(stopped)} after it not tried` : '';
  return { name, ok: false, line: `${name}: FAILED: sent ${sent} of ${plural(wanted.length)}; ${failures.join('; ')}${rest}` };
}

/** Tells the WebSub hub which feeds changed; reported like a channel. */
async function pingWebSub(hub: string, notifications: readonly Notification[], site: Site, options: NotifyOptions, err: (line: string) => void): Promise<ChannelResult> {
  const name = 'websub (hub)';
  const topics = changedFeeds(site, notifications.flatMap((notification) => notification.services.map((service) => service.id)));
  if (options.dryRun) {
    for (const topic of topics) options.out(`\n=== ${name}: POST ${hub}\n${publishBody(topic)}\n`);
    return { name, ok: true, line: `${name}: would ping ${hub} for ${topics.length} feed${topics.length === 1 ? '' : 's'} (dry run)` };
  }
  const deliveries = await pingHub(hub, topics, options.retry, (detail, waitMs, next) => err(`${name}: ${detail}; attempt ${next} of ${options.retry.attempts} in ${formatWait(waitMs)}`));
  const failed = deliveries.flatMap((delivery, index) => (delivery.ok ? [] : [`${topics[index]}: ${delivery.detail}`]));
  return failed.length === 0
    ? { name, ok: true, line: `${name}: pinged ${hub} for ${topics.length} feed${topics.length === 1 ? '' : 's'}` }
    : { name, ok: false, line: `${name}: FAILED: ${failed.join('; ')}` };
}

function formatWait(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
