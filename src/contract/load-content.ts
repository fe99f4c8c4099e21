/**
 * The edge: a content folder becomes validated, resolved content, or every
 * mistake in it. Nothing after this reads content files.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Instant } from '../core/time.ts';
import type { Content, Incident, Policy, Service, Site } from '../core/types.ts';
import type { Channel } from '../notify/channels.ts';
import { ContentError, type ContentProblem } from './problems.ts';
import { AHEAD_LEEWAY_MS, incidentId, readIncident } from './read-incident.ts';
import { readNotify } from './read-notify.ts';
import { readPolicies } from './read-policies.ts';
import { readServices } from './read-services.ts';
import { readSite, siteLanguages } from './read-site.ts';
import { readTranslation, translationName } from './read-translation.ts';
import { parseYaml } from './yaml-source.ts';

/** The text of a content folder's files, by path. */
export interface ContentFiles {
  /** Path prefix used in messages, e.g. `content`. */
  dir: string;
  site: string | undefined;
  services: string | undefined;
  sla: string | undefined;
  /** notify.yaml, optional. */
  notify?: string | undefined;
  incidents: { path: string; text: string }[];
  /** Files under incidents/ that are not Markdown (dotfiles aside): reported, never skipped silently. */
  others: string[];
  /** Files and folders that could not be read (not UTF-8, too large, a link leaving the folder …), each with why. */
  unreadable?: ContentProblem[];
}

/** The catalogs every incident is read against: site.yaml, services.yaml and sla.yaml, resolved. */
export interface Catalogs {
  site: Site;
  services: Service[];
  policies: Policy[];
  /** Every mistake in the three files; the catalogs are only usable when there are none. */
  problems: ContentProblem[];
}

/**
 * Resolves site.yaml, services.yaml and sla.yaml from their texts. Pure:
 * reads nothing. Where a file has mistakes, usable values stand in, so the
 * incidents can still be checked in the same run.
 */
export function resolveCatalogs(files: Pick<ContentFiles, 'dir' | 'site' | 'services' | 'sla' | 'unreadable'>): Catalogs {
  const problems: ContentProblem[] = [...(files.unreadable ?? [])];
  const fileName = (name: string) => `${files.dir}/${name}`;
  const missing = (name: string, fix: string) => {
    // A file that is there but could not be read is reported as such, not as missing.
    if (!files.unreadable?.some((problem) => problem.file === fileName(name))) problems.push({ file: fileName(name), line: 1, message: 'the file is missing', fix });
  };
  const yaml = (name: string, text: string | undefined) =>
    text === undefined ? undefined : parseYaml(fileName(name), text, problems);

  const siteSource = yaml('site.yaml', files.site);
  if (files.site === undefined) missing('site.yaml', 'create it with title, url and timeZone');
  const site = readSite(siteSource ?? { file: fileName('site.yaml'), value: {}, lineOf: () => 1 }, siteSource ? problems : []);

  const slaSource = yaml('sla.yaml', files.sla);
  if (files.sla === undefined) missing('sla.yaml', "create it with at least one policy ('- id: standard' …), or give every service 'sla: none'");
  const languages = siteLanguages(site);
  const policies = slaSource ? readPolicies(slaSource, site.timeZone, languages, problems) : [];
  // Services name policies even when a policy has its own mistake; that mistake is reported once, in sla.yaml.
  // A missing or unreadable sla.yaml is reported once; services are then not checked against it.
  const declaredPolicies = !slaSource
    ? undefined
    : Array.isArray(slaSource.value)
      ? slaSource.value.flatMap((policy) => (typeof policy?.id === 'string' ? [policy.id as string] : []))
      : [];

  if (files.services === undefined) missing('services.yaml', "create it with one '- id: …' entry per service");
  const servicesSource = yaml('services.yaml', files.services);
  const services = servicesSource ? readServices(servicesSource, declaredPolicies, languages, problems, site) : [];
  return { site, services, policies, problems };
}

/** The problem of a file whose id another file already has. */
export function duplicateId(file: string, id: string, other: string): ContentProblem {
  return { file, line: 1, message: `incident id '${id}' is also used by ${other}`, fix: 'rename one of the two files: ids are unique across folders' };
}

/**
 * Reads one incident file against resolved catalogs, as of `now` (no time
 * an editor writes lies more than 5 minutes after it). Returns the incident, or the file's problems.
 */
export function resolveIncident(
  file: { path: string; text: string },
  catalogs: Pick<Catalogs, 'site' | 'services'>,
  now: Instant,
): { incident: Incident | undefined; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const services = new Map(catalogs.services.map((service) => [service.id, service]));
  const incident = readIncident(file.path, file.text, { timeZone: catalogs.site.timeZone, locale: catalogs.site.locale, services, problems, now });
  return { incident, problems };
}

/**
 * Earlier reads of incident files a read may reuse instead of parsing them
 * again (src/site/content-cache.ts keeps them between builds). A read is
 * only ever reused for the same path and text, read against the same
 * catalogs, at a now that holds every time the file holds against now.
 */
export interface IncidentMemo {
  /** The incident `file` was read to before, when it may be reused for `catalogs` (catalogsKey) at `now`. */
  recall(file: { path: string; text: string }, catalogs: string, now: Instant): Incident | undefined;
  /**
   * Remembers a read without problems, before any translation is read into
   * it, with the earliest now it holds at: the latest time in the file held
   * against now, less the leeway (AHEAD_LEEWAY_MS).
   */
  remember(file: { path: string; text: string }, catalogs: string, incident: Incident, from: Instant): void;
}

/** What an incident is read against besides its text: the site's zone and first language, and the services. */
export function catalogsKey(site: Pick<Site, 'timeZone' | 'locale'>, services: readonly Service[]): string {
  return JSON.stringify([site.timeZone, site.locale, services]);
}

/** Paths in a stable order, whatever the platform's sorting. */
function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * Resolves content from file texts as of `now` (SOURCE_DATE_EPOCH or the
 * clock, read by the caller). Pure: reads nothing. Originals are read first,
 * then each translation (`<id>.<lang>.md`) into its original. Returns the
 * content and every problem found; the content is only usable when there
 * are none. With a `memo`, an original read before is taken from it
 * (IncidentMemo) and every other one is given to it.
 */
export function resolveContent(files: ContentFiles, now: Instant, memo?: IncidentMemo): { content: Content; problems: ContentProblem[]; notify: Channel[] } {
  const { site, services, policies, problems } = resolveCatalogs(files);
  const serviceMap = new Map(services.map((service) => [service.id, service]));
  const catalogs = memo ? catalogsKey(site, services) : '';

  for (const other of files.others) {
    problems.push({ file: other, line: 1, message: 'a file under incidents/ that is not Markdown', fix: "rename it to end in .md, or move it out of incidents/" });
  }
  const sorted = files.incidents.toSorted(byPath);
  const translations = sorted.flatMap((file) => {
    const name = translationName(file.path);
    return name ? [{ file, name }] : [];
  });
  const incidents: Incident[] = [];
  const paths = new Map<string, string>();
  for (const file of sorted) {
    if (translationName(file.path)) continue;
    const id = incidentId(file.path);
    const other = paths.get(id);
    if (other !== undefined) {
      problems.push(duplicateId(file.path, id, other));
      continue;
    }
    paths.set(id, file.path);
    let incident = memo?.recall(file, catalogs, now);
    if (!incident) {
      let latest = -Infinity;
      const heldAgainstNow = (instant: Instant) => void (latest = Math.max(latest, instant));
      incident = readIncident(file.path, file.text, { timeZone: site.timeZone, locale: site.locale, services: serviceMap, problems, now, heldAgainstNow });
      if (incident) memo?.remember(file, catalogs, incident, latest - AHEAD_LEEWAY_MS);
    }
    if (incident) incidents.push(incident);
  }
  const context = {
    timeZone: site.timeZone,
    locale: site.locale,
    languages: site.languages,
    incidents: new Map(incidents.map((incident) => [incident.id, incident])),
    ids: new Set(paths.keys()),
    problems,
  };
  const translated = new Map<string, string>();
  for (const { file, name } of translations) {
    // `x.en.md` and `x.EN.md` are one translation, as `x.md` and `x.MD` are one incident.
    const key = `${name.id}.${name.tag.toLowerCase()}`;
    const other = translated.get(key);
    if (other !== undefined) {
      problems.push({ file: file.path, line: 1, message: `a second ${name.locale ?? name.tag} translation of '${name.id}' (the other is ${other})`, fix: 'keep one translation per language' });
      continue;
    }
    translated.set(key, file.path);
    readTranslation(file.path, file.text, name, context);
  }
  const notifySource = files.notify === undefined ? undefined : parseYaml(`${files.dir}/notify.yaml`, files.notify, problems);
  const notify = notifySource ? readNotify(notifySource, services.map((service) => service.id), siteLanguages(site), problems) : [];
  return { content: { site, services, policies, incidents }, problems, notify };
}

/** The largest content file read, in bytes. */
export const FILE_SIZE_LIMIT = 1024 * 1024;

/**
 * `bytes` as UTF-8 text, or why they are not: a UTF-16 byte order mark, a NUL
 * byte (UTF-16 without a mark, or a binary file), or a sequence that is not
 * UTF-8, with the line it is on. A UTF-8 byte order mark is dropped.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { line: number; why: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { line: 1, why: 'it starts with a UTF-16 byte order mark' };
  }
  const lineAt = (end: number) => bytes.subarray(0, end).filter((byte) => byte === 0x0a).length + 1;
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { line: lineAt(nul), why: 'it holds NUL bytes, as UTF-16 and binary files do' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Find the line: each line is decoded alone (a UTF-8 sequence never spans a line feed).
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(0x0a, start);
      const line = bytes.subarray(start, end === -1 ? bytes.length : end);
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(line);
      } catch {
        return { line: lineAt(start), why: 'this line has bytes that are not UTF-8' };
      }
      if (end === -1) return { line: 1, why: 'it has bytes that are not UTF-8' };
      start = end + 1;
    }
  }
}

/** How a path is shown in messages: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

/** Whether `file` (a real path) lies inside the folder `root` (a real path). */
function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/** The size of a byte count for a message: `5.2 MB`, `900 KB`. */
function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Number((bytes / 1024 / 1024).toFixed(1))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** What a path is once links are followed, and the real path; links that leave `root` or lead nowhere are problems. */
type Resolved = { kind: 'missing' } | { kind: 'file' | 'folder' | 'other'; real: string; bytes: number } | { kind: 'problem'; problem: ContentProblem };

/**
 * How many files the reader has open at once, in this whole process: one.
 * Opening every file of a folder at once ran out of file handles (EMFILE)
 * past the system's open-file limit (50,000 incidents against a limit of
 * 20,000). Reading them one after another, synchronously, is also the
 * cheapest way there is: promise-based reads a few dozen at a time cost 5 to
 * 8 times the CPU (1.5-2.3 s against 0.2-0.4 s for 10,000 files: four thread
 * hops and a promise per file), and the disk gives no more speed past one.
 */
export const READ_CONCURRENCY = 1;

/** Looks at `file` inside the content folder whose real path is `root`, following a link only while it stays inside. */
function resolvePath(file: string, root: string): Resolved {
  const problem = (message: string, fix: string): Resolved => ({ kind: 'problem', problem: { file: displayPath(file), line: 1, message, fix } });
  try {
    const link = lstatSync(file);
    let real = file;
    if (link.isSymbolicLink()) {
      try {
        real = realpathSync(file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') return problem('a link that leads back to itself', 'remove the link');
        return problem('a link to a file or folder that does not exist', 'point the link at a file in the content folder, or remove it');
      }
      if (!isInside(root, real)) {
        return problem(`a link to '${real}', outside the content folder`, 'copy the file into the content folder instead of linking to it');
      }
    }
    const target = link.isSymbolicLink() ? statSync(real) : link;
    const kind = target.isFile() ? 'file' : target.isDirectory() ? 'folder' : 'other';
    // Folders by their real path, so a link back to one is known whatever links the path to the content folder holds.
    if (kind === 'folder' && real === file) real = realpathSync(file);
    return { kind, real, bytes: target.size };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return problem(`cannot be read (${code ?? (error as Error).message})`, 'check that the file exists and that you may read it');
  }
}

/** The text of a file `resolvePath` found, or the problem in reading it (too large, not UTF-8, unreadable). */
function readText(file: string, found: { real: string; bytes: number }): { text: string } | { problem: ContentProblem } {
  const problem = (line: number, message: string, fix: string) => ({ problem: { file: displayPath(file), line, message, fix } });
  if (found.bytes > FILE_SIZE_LIMIT) {
    return problem(1, `the file is ${size(found.bytes)}, more than the ${size(FILE_SIZE_LIMIT)} a content file may be`, 'shorten it, or link to a longer document');
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(found.real);
  } catch (error) {
    return problem(1, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, 'check that you may read it');
  }
  const decoded = decodeUtf8(bytes);
  return 'text' in decoded ? decoded : problem(decoded.line, `not UTF-8 (${decoded.why})`, 'save it as UTF-8');
}

/** One of the folder's YAML files: its text, `undefined` when missing, or a problem. */
function readConfig(file: string, root: string, unreadable: ContentProblem[]): string | undefined {
  const found = resolvePath(file, root);
  if (found.kind === 'missing') return undefined;
  if (found.kind === 'problem') return void unreadable.push(found.problem);
  if (found.kind !== 'file') {
    const what = found.kind === 'folder' ? 'a folder' : 'not a regular file';
    return void unreadable.push({ file: displayPath(file), line: 1, message: `${path.basename(file)} is ${what}, not a file`, fix: `make ${path.basename(file)} a plain text file` });
  }
  const read = readText(file, found);
  if ('problem' in read) return void unreadable.push(read.problem);
  return read.text;
}

/**
 * Every file under the folder `dir` at any depth, sorted: links followed
 * while they stay inside the content folder `root` (folders too, each read
 * once), dotfiles left out. Anything else (a link leaving the folder or
 * leading nowhere, a loop, a device) is a problem, never skipped silently.
 * Paths are as found under `dir`; `real` is where to read.
 */
function incidentFiles(dir: string, root: string, unreadable: ContentProblem[]): { path: string; real: string; bytes: number }[] {
  const top = resolvePath(dir, root);
  if (top.kind === 'missing') return [];
  if (top.kind === 'problem') {
    unreadable.push(top.problem);
    return [];
  }
  if (top.kind !== 'folder') {
    unreadable.push({ file: displayPath(dir), line: 1, message: "'incidents' is a file, not a folder", fix: 'make incidents/ a folder with one .md file per incident' });
    return [];
  }
  const files: { path: string; real: string; bytes: number }[] = [];
  const seen = new Set<string>([top.real]);
  const walk = (folder: string, real: string) => {
    let entries: string[];
    try {
      entries = readdirSync(real).sort();
    } catch (error) {
      unreadable.push({ file: displayPath(folder), line: 1, message: `the folder cannot be read (${(error as NodeJS.ErrnoException).code})`, fix: 'check that you may read it' });
      return;
    }
    const names = entries.filter((name) => !name.startsWith('.'));
    const found = names.map((name) => resolvePath(path.join(real, name), root));
    const folders: [string, string][] = [];
    found.forEach((entry, index) => {
      const file = path.join(folder, names[index]!);
      if (entry.kind === 'missing') return;
      if (entry.kind === 'problem') unreadable.push({ ...entry.problem, file: displayPath(file) });
      else if (entry.kind === 'file') files.push({ path: file, real: entry.real, bytes: entry.bytes });
      else if (entry.kind === 'other') unreadable.push({ file: displayPath(file), line: 1, message: 'not a regular file or folder', fix: 'remove it from incidents/' });
      else if (seen.has(entry.real)) {
        unreadable.push({ file: displayPath(file), line: 1, message: `a link to a folder that is read already ('${displayPath(entry.real)}')`, fix: 'remove the link: every incident file is read once' });
      } else {
        seen.add(entry.real);
        folders.push([file, entry.real]);
      }
    });
    // Each folder is marked seen before any is walked, so two links to one folder are caught in any order.
    for (const [file, target] of folders) walk(file, target);
  };
  walk(dir, top.real);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Reads the files of the content folder `dir` as UTF-8 text. Never throws for
 * what is in the folder: whatever cannot be read is in `unreadable`.
 */
export async function readContentFiles(dir: string): Promise<ContentFiles> {
  const given = path.resolve(dir);
  const unreadable: ContentProblem[] = [];
  const root = realRoot(given);
  const site = readConfig(path.join(given, 'site.yaml'), root, unreadable);
  const services = readConfig(path.join(given, 'services.yaml'), root, unreadable);
  const sla = readConfig(path.join(given, 'sla.yaml'), root, unreadable);
  const notify = readConfig(path.join(given, 'notify.yaml'), root, unreadable);
  const found = incidentFiles(path.join(given, 'incidents'), root, unreadable);
  const isMarkdown = (file: { path: string }) => file.path.toLowerCase().endsWith('.md');
  const markdown = found.filter(isMarkdown);
  const texts = markdown.map((file) => readText(file.path, file));
  const incidents: { path: string; text: string }[] = [];
  texts.forEach((read, index) => {
    if ('problem' in read) unreadable.push(read.problem);
    else incidents.push({ path: displayPath(markdown[index]!.path), text: read.text });
  });
  const others = found.filter((file) => !isMarkdown(file)).map((file) => displayPath(file.path));
  return { dir: displayPath(given), site, services, sla, notify, incidents, others, unreadable };
}

/** The real path of the content folder, links resolved; the path as given when it cannot be resolved. */
function realRoot(given: string): string {
  try {
    return realpathSync(given);
  } catch {
    return given;
  }
}

/**
 * Reads site.yaml, services.yaml and sla.yaml of the content folder `dir`
 * (what one incident is checked against), by the same rules as
 * readContentFiles: what cannot be read is in `unreadable`.
 */
export async function readCatalogFiles(dir: string): Promise<Pick<ContentFiles, 'dir' | 'site' | 'services' | 'sla' | 'unreadable'>> {
  const given = path.resolve(dir);
  const root = realRoot(given);
  const unreadable: ContentProblem[] = [];
  const [site, services, sla] = ['site.yaml', 'services.yaml', 'sla.yaml'].map((name) => readConfig(path.join(given, name), root, unreadable));
  return { dir: displayPath(given), site, services, sla, unreadable };
}

/**
 * The incident files (originals, not translations) under incidents/ of the
 * content folder `dir`, walked by the same rules as readContentFiles but not
 * read: the ids a command checks a new file against.
 */
export async function incidentPaths(dir: string): Promise<string[]> {
  const given = path.resolve(dir);
  const found = incidentFiles(path.join(given, 'incidents'), realRoot(given), []);
  return found.map((file) => file.path).filter((file) => file.toLowerCase().endsWith('.md') && !translationName(file));
}

/**
 * The text of one content file of the folder `dir` by the same rules as
 * readContentFiles (links inside the folder, UTF-8, the size limit), or the
 * problem that keeps it from being read.
 */
export async function readContentFile(file: string, dir: string): Promise<{ text: string } | { problem: ContentProblem }> {
  const found = resolvePath(path.resolve(file), realRoot(path.resolve(dir)));
  if (found.kind === 'problem') return { problem: found.problem };
  if (found.kind !== 'file') return { problem: { file: displayPath(file), line: 1, message: found.kind === 'missing' ? 'the file is missing' : 'not a regular file', fix: 'check the path' } };
  return readText(file, found);
}

/**
 * Reads and validates the content folder `dir` as of `now` (reusing the
 * reads in `memo`, if given). Throws a ContentError listing every problem,
 * one `path:line: what; fix` per line, when there is any.
 */
export async function loadContent(dir: string, now: Instant, memo?: IncidentMemo): Promise<Content> {
  const { content, problems } = resolveContent(await readContentFiles(dir), now, memo);
  if (problems.length > 0) throw new ContentError(problems);
  return content;
}
