/**
 * Writing incident files safely while other commands (two editors, an editor
 * and a script) may write the same file: an exclusive lock file per incident
 * file, and writes that replace the file in one step (a temporary file in the
 * same folder, then a rename), so that a reader never sees half a file and a
 * writer never loses another's change. Lock and temporary files start with a
 * dot: the content check and the build leave dotfiles out.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

/** The change could not be applied (the file is locked, read-only, or changed under us); nothing was written. */
export class WriteRefused extends Error {}

export interface LockOptions {
  /** How long to wait for another command's lock before giving up. */
  waitMs?: number;
  /** A lock older than this is left over from a command that died: it is broken. */
  staleMs?: number;
}

const DEFAULT_WAIT_MS = 20_000;
const DEFAULT_STALE_MS = 60_000;

/** The lock file of `file`: `.name.md.lock` beside it. */
export function lockPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a lock file says about its holder. */
interface Holder {
  pid: number;
  host: string;
  token: string;
}

async function readHolder(lock: string): Promise<Holder | undefined> {
  try {
    return JSON.parse(await readFile(lock, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

/** Whether process `pid` on this machine is gone. */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Breaks `lock` if it is left over (its process is gone, or it is older than
 * `staleMs`). It is renamed aside first, and only the lock that was judged
 * stale is removed: two commands breaking the same lock never remove a fresh one.
 */
async function breakIfStale(lock: string, staleMs: number): Promise<boolean> {
  const seen = await stat(lock).catch(() => undefined);
  if (!seen) return true;
  const holder = await readHolder(lock);
  const gone = holder !== undefined && holder.host === hostname() && isGone(holder.pid);
  if (!gone && Date.now() - seen.mtimeMs < staleMs) return false;
  const aside = `${lock}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(lock, aside);
  } catch {
    return true;
  }
  const moved = await stat(aside).catch(() => undefined);
  if (moved && moved.ino !== seen.ino) {
    // Another command broke it first and a fresh lock took its place: put that one back.
    await link(aside, lock).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
  return true;
}

/**
 * Runs `action` while holding the lock of `file`, waiting (with growing,
 * jittered pauses) up to `waitMs` for another holder. Throws WriteRefused
 * when the lock cannot be had; the lock is always released after `action`.
 */
export async function withFileLock<T>(file: string, action: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = lockPath(file);
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const token = randomBytes(8).toString('hex');
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), token } satisfies Holder));
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw error;
    }
    if (await breakIfStale(lock, staleMs)) continue;
    if (Date.now() - started > waitMs) {
      const holder = await readHolder(lock);
      throw new WriteRefused(
        `another command is writing ${file}${holder ? ` (process ${holder.pid} on ${holder.host})` : ''}; nothing was written: run the command again, or delete ${lock} if no command is running`,
      );
    }
    await sleep(Math.min(250, 10 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
  }
  try {
    return await action();
  } finally {
    // Remove the lock only if it is still ours.
    if ((await readHolder(lock))?.token === token) await unlink(lock).catch(() => undefined);
  }
}

/** Writes `text` to a new temporary file beside `file`, flushed to disk, with `mode` when given; returns its path. */
async function writeTemporary(file: string, text: string, mode?: number): Promise<string> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx');
  try {
    if (mode !== undefined) await handle.chmod(mode);
    await handle.writeFile(text);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temporary;
}

/** The UTF-8 byte order mark: the reader drops it, so a change is made to the text after it, and the mark is kept. */
const BOM = '\uFEFF';

/**
 * Replaces `file` with `text` in one step, if it still holds `expected` (what
 * the change was made from, read as the reader reads it: without a byte
 * order mark, which is kept): call it under the file's lock. Throws
 * WriteRefused when the file changed meanwhile.
 */
export async function replaceFile(file: string, text: string, expected: string): Promise<void> {
  // Through a symbolic link to the file it names: the link stays a link.
  const target = await realpath(file);
  const mode = (await stat(target)).mode & 0o777;
  const current = await readFile(target, 'utf8');
  const mark = current.startsWith(BOM) && !expected.startsWith(BOM) ? BOM : '';
  const temporary = await writeTemporary(target, `${mark}${text}`, mode);
  try {
    if ((await readFile(target, 'utf8')) !== `${mark}${expected}`) {
      throw new WriteRefused(`${file} changed while this command ran; nothing was written: run the command again`);
    }
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * Creates `file` with `text` in one step, never over an existing file.
 * Returns false when a file of that name exists already.
 */
export async function createFile(file: string, text: string): Promise<boolean> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = await writeTemporary(file, text);
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    // A file system without hard links: an exclusive create is still never over another file.
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(text);
      await handle.close();
      return true;
    } catch (fallback) {
      if ((fallback as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallback;
    }
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}
