/**
 * Getting a request through: a timeout per attempt, retries with exponential
 * backoff on network errors, timeouts, 429 and 5xx (honouring Retry-After),
 * and none on other answers, which a second try would not change.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { printable } from '../contract/problems.ts';

/** How hard to try. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The wait before the first retry; it doubles for each next one. */
  baseDelayMs: number;
  /** The longest wait, Retry-After included: a server asking for more is reported as failing. */
  maxDelayMs: number;
  /** How long one attempt may take, answer body included. */
  timeoutMs: number;
}

/** 4 attempts, 1 s, 2 s and 4 s apart, 10 s each: at most about 47 s for one message. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 60_000, timeoutMs: 10_000 };

/** What one attempt came to. */
export type Attempt =
  | { ok: true; detail: string; /** The HTTP status. */ status?: number; /** The answer's body. */ body?: string }
  | { ok: false; retry: boolean; detail: string; status?: number; /** The server's Retry-After, in ms. */ waitMs?: number };

/** What all attempts came to. */
export interface Delivery {
  ok: boolean;
  /** Whether the last failure was one a later try might get past (the channel is down, not the message refused). */
  transient: boolean;
  attempts: number;
  /** `HTTP 204`, or what went wrong. */
  detail: string;
  /** The last HTTP status, if there was an answer. */
  status?: number;
  /** The answer's body, on success. */
  body?: string;
}

/**
 * Runs `attempt` until it succeeds, fails for good, or `policy.attempts` are
 * spent. `onRetry` hears of each retry before its wait.
 */
export async function withRetries(
  attempt: () => Promise<Attempt>,
  policy: RetryPolicy,
  onRetry: (detail: string, waitMs: number, next: number) => void = () => {},
): Promise<Delivery> {
  for (let count = 1; ; count++) {
    const result = await attempt();
    if (result.ok) return { ok: true, transient: false, attempts: count, detail: result.detail, status: result.status, body: result.body };
    if (!result.retry) return { ok: false, transient: false, attempts: count, detail: result.detail, status: result.status };
    if (count >= policy.attempts) {
      return { ok: false, transient: true, attempts: count, detail: `${result.detail}, after ${count} attempt${count === 1 ? '' : 's'}`, status: result.status };
    }
    const waitMs = result.waitMs ?? Math.min(policy.baseDelayMs * 2 ** (count - 1), policy.maxDelayMs);
    if (waitMs > policy.maxDelayMs) {
      return { ok: false, transient: true, attempts: count, detail: `${result.detail}, and asked to wait ${Math.ceil(waitMs / 1000)} s, longer than ${policy.maxDelayMs / 1000} s`, status: result.status };
    }
    onRetry(result.detail, waitMs, count + 1);
    await sleep(waitMs);
  }
}

/** Retry-After in ms, from seconds or an HTTP date; `undefined` when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** How one request is made and its answer read. */
export interface HttpOptions {
  /** How long the request may take, answer body included. */
  timeoutMs: number;
  /**
   * The most of a successful answer's body to read, in bytes; 0 (the
   * default) reads none: a channel needs only the status, and a 2xx is sent
   * whatever its body says or however it ends. A longer body is refused.
   */
  bodyLimit?: number;
  /** Applied to a refusal's body before it is cut to an excerpt, so no secret is cut in half first. */
  redact?: (text: string) => string;
}

/** How much of a refusal's body is read for its excerpt: enough to explain, never a whole answer. */
export const EXCERPT_BYTES = 4096;
/** How much of a refusal's body a message shows, in characters. */
export const EXCERPT_CHARACTERS = 200;

/**
 * One HTTP request, classified. Redirects are not followed unless `init`
 * says so: a redirected POST turns into a GET, or carries the message
 * elsewhere, so it is reported instead. A body is read only up to a limit
 * (see HttpOptions), so a hostile or broken server cannot fill the memory.
 */
export async function httpAttempt(url: string, init: RequestInit, options: HttpOptions): Promise<Attempt> {
  const { timeoutMs, bodyLimit = 0, redact = (text: string) => text } = options;
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'manual', ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return { ok: false, retry: true, detail: networkProblem(error, timeoutMs) };
  }
  const status = response.status;
  if (response.ok) {
    if (bodyLimit === 0) {
      // Accepted: what follows (a huge body, a broken stream) changes nothing, and a retry would send it twice.
      void response.body?.cancel().catch(() => {});
      return { ok: true, detail: `HTTP ${status}`, status };
    }
    try {
      const { bytes, complete } = await readUpTo(response.body, bodyLimit);
      if (!complete) return { ok: false, retry: false, status, detail: `HTTP ${status}, but the answer is larger than ${formatBytes(bodyLimit)}` };
      return { ok: true, detail: `HTTP ${status}`, status, body: new TextDecoder().decode(bytes) };
    } catch (error) {
      return { ok: false, retry: true, status, detail: `HTTP ${status}, then ${networkProblem(error, timeoutMs)}` };
    }
  }
  const answer = await excerpt(response.body, redact);
  const detail = `HTTP ${status}${answer ? ` "${answer}"` : ''}`;
  if (status === 429 || status >= 500) {
    return { ok: false, retry: true, detail, status, waitMs: retryAfterMs(response.headers.get('retry-after'), Date.now()) };
  }
  if (status >= 300 && status < 400) return { ok: false, retry: false, status, detail: `${detail}: the address redirects; use the address it redirects to` };
  return { ok: false, retry: false, detail, status };
}

/**
 * Reads `body` up to `limit` bytes and lets go of the rest. `complete` says
 * whether that was all of it. A stream that fails throws.
 */
async function readUpTo(body: ReadableStream<Uint8Array> | null, limit: number): Promise<{ bytes: Uint8Array; complete: boolean }> {
  if (body === null) return { bytes: new Uint8Array(0), complete: true };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes: concat(chunks, size), complete: true };
      chunks.push(value);
      size += value.byteLength;
      if (size > limit) return { bytes: concat(chunks, size).subarray(0, limit), complete: false };
    }
  } finally {
    void reader.cancel().catch(() => {});
  }
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * A refusal's body as a message shows it: its first EXCERPT_BYTES (none if
 * the stream breaks), on one line, redacted, its unprintable characters
 * (terminal escapes among them) as `\uXXXX`, cut to EXCERPT_CHARACTERS.
 * Text cut off at the read limit loses its last word, which could be the
 * start of a secret that redaction, knowing only whole secrets, would miss.
 */
async function excerpt(body: ReadableStream<Uint8Array> | null, redact: (text: string) => string): Promise<string> {
  let bytes: Uint8Array;
  let complete: boolean;
  try {
    ({ bytes, complete } = await readUpTo(body, EXCERPT_BYTES));
  } catch {
    return '';
  }
  let text = new TextDecoder().decode(bytes).replace(/\s+/g, ' ');
  if (!complete) text = text.slice(0, Math.max(0, text.lastIndexOf(' ')));
  return printable(redact(text.trim()), EXCERPT_CHARACTERS);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}

/** A fetch failure in words: the timeout, or the system's error code. */
function networkProblem(error: unknown, timeoutMs: number): string {
  const failure = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (failure.name === 'TimeoutError' || failure.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  return `network error: ${failure.cause?.code ?? failure.cause?.message ?? failure.message ?? String(error)}`;
}
