/**
 * `/api/v1/updates.json` as notify reads it: the new build's, and the
 * previous one (a file, or the live site's address) that says what was
 * already sent.
 */
import { readFile, stat } from 'node:fs/promises';
import { httpAttempt, withRetries, type RetryPolicy } from './deliver.ts';

/** One entry of updates.json. */
export interface ManifestEntry {
  id: string;
  incident: string;
  status: string;
  time: string;
  url: string;
}

export interface Manifest {
  generatedAt: string;
  updates: ManifestEntry[];
}

/**
 * The largest previous manifest read from an address. updates.json holds 90
 * days of updates and the open incidents' (about 200 bytes each): far below
 * this, and an answer above it is not one.
 */
export const MANIFEST_BYTES = 64 * 1024 * 1024;

/** A manifest that cannot be read or is not one: notify sends nothing rather than guess. */
export class ManifestError extends Error {}

/** The previous manifest, or why there is none. */
export type Previous = { manifest: Manifest } | { none: string };

/** Reads `text` as updates.json; `where` names it in messages. */
export function parseManifest(text: string, where: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ManifestError(`${where} is not JSON`);
  }
  const manifest = value as Partial<Manifest> | null;
  if (!manifest || typeof manifest !== 'object' || !Array.isArray(manifest.updates)) {
    throw new ManifestError(`${where} is not an updates.json: it has no 'updates' list`);
  }
  manifest.updates.forEach((entry, index) => {
    const fields: (keyof ManifestEntry)[] = ['id', 'incident', 'status', 'time', 'url'];
    const bad = fields.find((field) => typeof entry?.[field] !== 'string');
    if (bad || Number.isNaN(Date.parse(entry.time))) {
      throw new ManifestError(`${where}: update ${index + 1} has no valid '${bad ?? 'time'}'`);
    }
  });
  return { generatedAt: String(manifest.generatedAt ?? ''), updates: manifest.updates };
}

/** Whether `since` names an address rather than a file. */
function isAddress(since: string): boolean {
  return /^https?:\/\//i.test(since);
}

/**
 * Why `--since` cannot be used as given, or `undefined`. An address with a
 * user name or password (`https://user:pass@…`) is refused before anything
 * is read: fetch cannot send it (it would fail as a network error, retried
 * for nothing), and messages would print it. The message never repeats it.
 */
export function sinceProblem(since: string): string | undefined {
  if (!isAddress(since)) return undefined;
  let url: URL;
  try {
    url = new URL(since);
  } catch {
    return '--since is not a valid address; give the previous updates.json as https://…/api/v1/updates.json or as a file';
  }
  if (url.username !== '' || url.password !== '') {
    return '--since holds a user name or password (user:pass@…), which notify neither sends nor prints; give the address without them (updates.json is public), or download it first and give the file';
  }
  return undefined;
}

/**
 * The previous manifest from a file or an http(s) address. A file that does
 * not exist, or an address that answers 404 or 410, is "none" (a first
 * deploy); anything else that fails (no answer, 5xx, not JSON) throws: notify
 * cannot tell what is new, and sending everything again would be worse than
 * sending nothing.
 */
export async function readPrevious(since: string, policy: RetryPolicy): Promise<Previous> {
  if (isAddress(since)) {
    const problem = sinceProblem(since);
    if (problem) throw new ManifestError(problem);
    const init: RequestInit = { headers: { accept: 'application/json' }, redirect: 'follow' };
    const delivery = await withRetries(() => httpAttempt(since, init, { timeoutMs: policy.timeoutMs, bodyLimit: MANIFEST_BYTES }), policy);
    if (delivery.ok) return { manifest: parseManifest(delivery.body ?? '', since) };
    if (delivery.status === 404 || delivery.status === 410) return { none: `${since} answered HTTP ${delivery.status}` };
    throw new ManifestError(`the previous updates.json could not be fetched from ${since}: ${delivery.detail}`);
  }
  const size = await stat(since).then((info) => info.size, (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new ManifestError(`${since} cannot be read: ${error.code ?? error.message}`);
  });
  if (size === undefined) return { none: `${since} does not exist` };
  if (size > MANIFEST_BYTES) throw new ManifestError(`${since} is larger than ${MANIFEST_BYTES / (1024 * 1024)} MB: it is not an updates.json`);
  const text = await readFile(since, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new ManifestError(`${since} cannot be read: ${error.code ?? error.message}`);
  });
  if (text === undefined) return { none: `${since} does not exist` };
  return { manifest: parseManifest(text, since) };
}

/**
 * The updates of `current` that `previous` lacks (every one without a
 * previous manifest), oldest first; updates at the same time in the order
 * they were posted (updates.json lists the newer of two first).
 */
export function newUpdates(current: Manifest, previous: Manifest | null): ManifestEntry[] {
  const sent = new Set(previous?.updates.map((entry) => entry.id) ?? []);
  return current.updates
    .filter((entry) => !sent.has(entry.id))
    .reverse()
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
}
