/** Listing a folder's files, for the build's caches and their tests. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir` (anything but a folder), relative to it, with `/` between folders, sorted; none when it does not exist. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
