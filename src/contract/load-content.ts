/**
 * The edge: a content folder becomes validated, resolved content, or every
 * mistake in it. Nothing after this reads content files.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Instant } from '../core/time.ts';
import type { Content, Incident, Policy, Service, Site } from '../core/types.ts';
import type { Channel } from '../notify/channels.ts';
import { ContentError, type ContentProblem } from './problems.ts';
import { incidentId, readIncident } from './read-incident.ts';
import { readNotify } from './read-notify.ts';
import { readPolicies } from './read-policies.ts';
import { readServices } from './read-services.ts';
import { readSite } from './read-site.ts';
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
export function resolveCatalogs(files: Pick<ContentFiles, 'dir' | 'site' | 'services' | 'sla'>): Catalogs {
  const problems: ContentProblem[] = [];
  const fileName = (name: string) => `${files.dir}/${name}`;
  const missing = (name: string, fix: string) => problems.push({ file: fileName(name), line: 1, message: 'the file is missing', fix });
  const yaml = (name: string, text: string | undefined) =>
    text === undefined ? undefined : parseYaml(fileName(name), text, problems);

  const siteSource = yaml('site.yaml', files.site);
  if (files.site === undefined) missing('site.yaml', 'create it with title, url and timeZone');
  const site = readSite(siteSource ?? { file: fileName('site.yaml'), value: {}, lineOf: () => 1 }, siteSource ? problems : []);

  const slaSource = yaml('sla.yaml', files.sla);
  if (files.sla === undefined) missing('sla.yaml', "create it with at least one policy ('- id: standard' …), or give every service 'sla: none'");
  const policies = slaSource ? readPolicies(slaSource, site.timeZone, problems) : [];
  // Services name policies even when a policy has its own mistake; that mistake is reported once, in sla.yaml.
  // A missing or unreadable sla.yaml is reported once; services are then not checked against it.
  const declaredPolicies = !slaSource
    ? undefined
    : Array.isArray(slaSource.value)
      ? slaSource.value.flatMap((policy) => (typeof policy?.id === 'string' ? [policy.id as string] : []))
      : [];

  if (files.services === undefined) missing('services.yaml', "create it with one '- id: …' entry per service");
  const servicesSource = yaml('services.yaml', files.services);
  const services = servicesSource ? readServices(servicesSource, declaredPolicies, problems) : [];
  return { site, services, policies, problems };
}

/** The problem of a file whose id another file already has. */
export function duplicateId(file: string, id: string, other: string): ContentProblem {
  return { file, line: 1, message: `incident id '${id}' is also used by ${other}`, fix: 'rename one of the two files: ids are unique across folders' };
}

/**
 * Reads one incident file against resolved catalogs, as of `now` (DESIGN
 * "Time and sequence": no time an editor writes lies more than 5 minutes
 * after it). Returns the incident, or the file's problems.
 */
export function resolveIncident(
  file: { path: string; text: string },
  catalogs: Pick<Catalogs, 'site' | 'services'>,
  now: Instant,
): { incident: Incident | undefined; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const services = new Map(catalogs.services.map((service) => [service.id, service]));
  const incident = readIncident(file.path, file.text, { timeZone: catalogs.site.timeZone, services, problems, now });
  return { incident, problems };
}

/**
 * Resolves content from file texts as of `now` (SOURCE_DATE_EPOCH or the
 * clock, read by the caller). Pure: reads nothing. Returns the content and
 * every problem found; the content is only usable when there are none.
 */
export function resolveContent(files: ContentFiles, now: Instant): { content: Content; problems: ContentProblem[]; notify: Channel[] } {
  const { site, services, policies, problems } = resolveCatalogs(files);
  const serviceMap = new Map(services.map((service) => [service.id, service]));

  for (const other of files.others) {
    problems.push({ file: other, line: 1, message: 'a file under incidents/ that is not Markdown', fix: "rename it to end in .md, or move it out of incidents/" });
  }
  const incidents: Incident[] = [];
  const paths = new Map<string, string>();
  for (const file of files.incidents.toSorted((a, b) => (a.path < b.path ? -1 : 1))) {
    const id = incidentId(file.path);
    const other = paths.get(id);
    if (other !== undefined) {
      problems.push(duplicateId(file.path, id, other));
      continue;
    }
    paths.set(id, file.path);
    const incident = readIncident(file.path, file.text, { timeZone: site.timeZone, services: serviceMap, problems, now });
    if (incident) incidents.push(incident);
  }
  const notifySource = files.notify === undefined ? undefined : parseYaml(`${files.dir}/notify.yaml`, files.notify, problems);
  const notify = notifySource ? readNotify(notifySource, services.map((service) => service.id), problems) : [];
  return { content: { site, services, policies, incidents }, problems, notify };
}

/** Files under `dir` at any depth (links followed, dotfiles left out), sorted, split into Markdown and the rest. */
export async function incidentFiles(dir: string): Promise<{ markdown: string[]; others: string[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const files: string[] = [];
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    if (path.relative(dir, file).split(path.sep).some((part) => part.startsWith('.'))) continue;
    if (entry.isFile() || (entry.isSymbolicLink() && (await stat(file)).isFile())) files.push(file);
  }
  files.sort();
  return {
    markdown: files.filter((file) => file.toLowerCase().endsWith('.md')),
    others: files.filter((file) => !file.toLowerCase().endsWith('.md')),
  };
}

async function readOptional(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/** How a path is shown in messages: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

/** Reads site.yaml, services.yaml and sla.yaml of the content folder `dir` (what one incident is checked against). */
export async function readCatalogFiles(dir: string): Promise<Pick<ContentFiles, 'dir' | 'site' | 'services' | 'sla'>> {
  const root = path.resolve(dir);
  const [site, services, sla] = await Promise.all(['site.yaml', 'services.yaml', 'sla.yaml'].map((name) => readOptional(path.join(root, name))));
  return { dir: displayPath(root), site, services, sla };
}

/** Reads the files of the content folder `dir`. */
export async function readContentFiles(dir: string): Promise<ContentFiles> {
  const root = path.resolve(dir);
  const [site, services, sla, notify, found] = await Promise.all([
    readOptional(path.join(root, 'site.yaml')),
    readOptional(path.join(root, 'services.yaml')),
    readOptional(path.join(root, 'sla.yaml')),
    readOptional(path.join(root, 'notify.yaml')),
    incidentFiles(path.join(root, 'incidents')),
  ]);
  const incidents = await Promise.all(
    found.markdown.map(async (file) => ({ path: displayPath(file), text: await readFile(file, 'utf8') })),
  );
  return { dir: displayPath(root), site, services, sla, notify, incidents, others: found.others.map(displayPath) };
}

/**
 * Reads and validates the content folder `dir` as of `now`. Throws a
 * ContentError listing every problem, one `path:line: what; fix` per line,
 * when there is any.
 */
export async function loadContent(dir: string, now: Instant): Promise<Content> {
  const { content, problems } = resolveContent(await readContentFiles(dir), now);
  if (problems.length > 0) throw new ContentError(problems);
  return content;
}
