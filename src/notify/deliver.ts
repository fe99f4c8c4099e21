/**
 * Getting a request through: a timeout per attempt, retries with exponential
 * backoff on network errors, timeouts, 429 and 5xx (honouring Retry-After),
 * and none on other answers, which a second try would not change.
 */
import { setTimeout as sleep } from 'node:timers/promises';

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

/**
 * One HTTP request, classified. Redirects are not followed unless `init`
 * says so: a redirected POST turns into a GET, or carries the message
 * elsewhere, so it is reported instead.
 */
export async function httpAttempt(url: string, init: RequestInit, timeoutMs: number): Promise<Attempt> {
  try {
    const response = await fetch(url, { redirect: 'manual', ...init, signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    const status = response.status;
    if (response.ok) return { ok: true, detail: `HTTP ${status}`, status, body };
    const answer = body.replace(/\s+/g, ' ').trim();
    const detail = `HTTP ${status}${answer ? ` ${JSON.stringify(answer.length > 200 ? `${answer.slice(0, 200)}…` : answer)}` : ''}`;
    if (status === 429 || status >= 500) {
      return { ok: false, retry: true, detail, status, waitMs: retryAfterMs(response.headers.get('retry-after'), Date.now()) };
    }
    if (status >= 300 && status < 400) return { ok: false, retry: false, status, detail: `${detail}: the address redirects; use the address it redirects to` };
    return { ok: false, retry: false, detail, status };
  } catch (error) {
    return { ok: false, retry: true, detail: networkProblem(error, timeoutMs) };
  }
}

/** A fetch failure in words: the timeout, or the system's error code. */
function networkProblem(error: unknown, timeoutMs: number): string {
  const failure = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (failure.name === 'TimeoutError' || failure.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  return `network error: ${failure.cause?.code ?? failure.cause?.message ?? failure.message ?? String(error)}`;
}
