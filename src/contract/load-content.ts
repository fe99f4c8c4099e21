/**
 * The edge: a content folder becomes validated, resolved content, or every
 * mistake in it. Nothing after this reads content files.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Content, Incident } from '../core/types.ts';
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

/**
 * Resolves content from file texts. Pure: reads nothing. Returns the content
 * and every problem found; the content is only usable when there are none.
 */
export function resolveContent(files: ContentFiles): { content: Content; problems: ContentProblem[]; notify: Channel[] } {
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
      problems.push({ file: file.path, line: 1, message: `incident id '${id}' is also used by ${other}`, fix: 'rename one of the two files: ids are unique across folders' });
      continue;
    }
    paths.set(id, file.path);
    const incident = readIncident(file.path, file.text, { timeZone: site.timeZone, services: serviceMap, problems });
    if (incident) incidents.push(incident);
  }
  const notifySource = yaml('notify.yaml', files.notify);
  const notify = notifySource ? readNotify(notifySource, services.map((service) => service.id), problems) : [];
  return { content: { site, services, policies, incidents }, problems, notify };
}

/** Files under `dir` at any depth (links followed, dotfiles left out), sorted, split into Markdown and the rest. */
async function incidentFiles(dir: string): Promise<{ markdown: string[]; others: string[] }> {
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
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
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
 * Reads and validates the content folder `dir`. Throws a ContentError listing
 * every problem, one `path:line: what; fix` per line, when there is any.
 */
export async function loadContent(dir: string): Promise<Content> {
  const { content, problems } = resolveContent(await readContentFiles(dir));
  if (problems.length > 0) throw new ContentError(problems);
  return content;
}
