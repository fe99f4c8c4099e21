/**
 * `/api/v1/updates.json` as notify reads it: the new build's, and the
 * previous one (a file, or the live site's address) that says what was
 * already sent.
 */
import { readFile } from 'node:fs/promises';
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

/**
 * The previous manifest from a file or an http(s) address. A file that does
 * not exist, or an address that answers 404 or 410, is "none" (a first
 * deploy); anything else that fails (no answer, 5xx, not JSON) throws: notify
 * cannot tell what is new, and sending everything again would be worse than
 * sending nothing.
 */
export async function readPrevious(since: string, policy: RetryPolicy): Promise<Previous> {
  if (/^https?:\/\//i.test(since)) {
    const delivery = await withRetries(() => httpAttempt(since, { headers: { accept: 'application/json' }, redirect: 'follow' }, policy.timeoutMs), policy);
    if (delivery.ok) return { manifest: parseManifest(delivery.body ?? '', since) };
    if (delivery.status === 404 || delivery.status === 410) return { none: `${since} answered HTTP ${delivery.status}` };
    throw new ManifestError(`the previous updates.json could not be fetched from ${since}: ${delivery.detail}`);
  }
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
