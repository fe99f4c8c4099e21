/**
 * Secrets from the environment, and the one filter every line notify prints
 * goes through, so no secret reaches the output, the log or an error message.
 */
import type { SecretRef } from './channels.ts';

/** A secret's value, or why there is none. Messages name the variable, never a value. */
export type SecretValue = { value: string } | { problem: string };

/**
 * Characters that continue a word or a URL token. A secret is replaced only
 * where it stands as a whole token, never inside a longer one: a one-letter
 * secret `y` must not turn `Content-Type` into `Content-T$NAMEpe`, which
 * garbles the line and gives the letter away by its place.
 */
const TOKEN = String.raw`[\p{L}\p{N}_~-]`;
/** A dot continues a token only when a token character follows it (`a.b`); at the end of a sentence it does not. */
const BEFORE = `(?<!${TOKEN}|${TOKEN}\\.)`;
const AFTER = `(?!${TOKEN}|\\.${TOKEN})`;
const TOKEN_CHARACTER = new RegExp(`^${TOKEN}$`, 'u');

/** The shortest part of an address (a path segment, a query value, a login name) taken as a secret of its own. */
const SHORTEST_PART = 3;

/**
 * Replaces secrets, wherever they stand as a whole token in a text, with the
 * name of their variable. Two strengths:
 * - `redact`, for every line notify prints: each secret value whole (an
 *   address also as normalised and as its path), so nothing notify itself
 *   writes can carry one;
 * - `redactEchoed`, for what others write (a receiver's answer, an SMTP
 *   server's or a library's error), which may echo a piece of an address:
 *   also every part that could identify it on its own, each path segment
 *   and query value (a webhook's token is one of them), the user name and
 *   the password, as written and percent-decoded.
 * Parts are not taken out of notify's own words: a channel called
 * `partners` posting to `…/partners/<token>` stays `partners`.
 */
export class Redactor {
  private readonly whole = new Map<string, string>();
  private readonly parts = new Map<string, string>();
  private patterns: { whole: RegExp; echoed: RegExp } | undefined;

  /** Adds `value` (and, for an address, the parts that carry its secret) under the label `$NAME`. */
  add(value: string, env: string): void {
    const label = `$${env}`;
    const put = (into: Map<string, string>, secret: string, shortest = 1) => {
      for (const form of [secret, percentDecoded(secret)]) if (form !== undefined && form.length >= shortest) into.set(form, label);
    };
    this.patterns = undefined;
    put(this.whole, value);
    put(this.whole, value.trim());
    let url: URL;
    try {
      url = new URL(value.trim());
    } catch {
      return; // Not an address: the value alone is the secret.
    }
    put(this.whole, url.href);
    if (url.pathname.length > 1) put(this.whole, `${url.pathname}${url.search}`, SHORTEST_PART);
    put(this.whole, url.password);
    put(this.parts, url.username, SHORTEST_PART);
    for (const segment of url.pathname.split('/')) put(this.parts, segment, SHORTEST_PART);
    for (const pair of url.search.slice(1).split('&')) put(this.parts, pair.slice(pair.indexOf('=') + 1), SHORTEST_PART);
  }

  /** `text` with every secret value replaced by its variable's name. */
  redact(text: string): string {
    return this.replace(text, 'whole');
  }

  /** `text`, written by someone else, with every secret value and every identifying part of one replaced by its variable's name. */
  redactEchoed(text: string): string {
    return this.replace(text, 'echoed');
  }

  private replace(text: string, strength: 'whole' | 'echoed'): string {
    this.patterns ??= { whole: pattern([...this.whole.keys()]), echoed: pattern([...this.whole.keys(), ...this.parts.keys()]) };
    const labels = (secret: string) => this.whole.get(secret) ?? this.parts.get(secret) ?? secret;
    // One pass: a label put in is never read again as a secret.
    return text.replace(this.patterns[strength], labels);
  }
}

/** One pattern for all of `secrets`, longest first: of two at the same place, the whole address wins over its path. */
function pattern(secrets: string[]): RegExp {
  if (secrets.length === 0) return /(?!)/g;
  return new RegExp([...new Set(secrets)].sort((a, b) => b.length - a.length).map(bounded).join('|'), 'gu');
}

/** `secret` as a pattern that matches it only as a whole token: bounded where its first and last characters could run on. */
function bounded(secret: string): string {
  const characters = [...secret];
  const escaped = secret.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return `${TOKEN_CHARACTER.test(characters[0]!) ? BEFORE : ''}${escaped}${TOKEN_CHARACTER.test(characters.at(-1)!) ? AFTER : ''}`;
}

/** `text` percent-decoded, or `undefined` when it has no escapes or is not well-formed. */
function percentDecoded(text: string): string | undefined {
  if (!text.includes('%') && !text.includes('+')) return undefined;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** The variable that may hold every secret at once, as a JSON object of names and values (a CI's whole secret store). */
export const SECRETS_VARIABLE = 'STATUS_SECRETS';

/**
 * The variables `env:NAME` is looked up in: the environment's own, and the
 * string values of the JSON object in STATUS_SECRETS (`${{ toJSON(secrets) }}`
 * in a GitHub workflow), so a new channel needs a secret, never a change to
 * the workflow. A variable set on its own wins over the same name in the
 * object. A STATUS_SECRETS that is not such an object throws, with nothing
 * of its value in the message.
 */
export function secretsEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  const given = Object.hasOwn(env, SECRETS_VARIABLE) ? env[SECRETS_VARIABLE] : undefined;
  if (given === undefined || given.trim() === '') return { ...env };
  let parsed: unknown;
  try {
    parsed = JSON.parse(given);
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${SECRETS_VARIABLE} is not a JSON object of names and values (as \${{ toJSON(secrets) }} writes it); its value is not shown`);
  }
  const stored = Object.entries(parsed as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return { ...Object.fromEntries(stored), ...env };
}

/** The value of the variable `ref` names; an unset or empty variable is a problem that names it. */
export function secretValue(ref: SecretRef, env: Readonly<Record<string, string | undefined>>): SecretValue {
  // Only the environment's own variables: `env:constructor` must not read Object's.
  const value = Object.hasOwn(env, ref.env) ? env[ref.env] : undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    return { problem: `${ref.env} is not set (${ref.where})` };
  }
  return { value };
}

/**
 * Checks that a secret holds the kind of address its field needs, without
 * showing it. Only an SMTP address (`credentials`) may carry a user name and
 * password: a webhook address with `user:pass@` cannot be fetched, and would
 * only fail as a network error, retried for nothing.
 */
export function addressProblem(ref: SecretRef, value: string, protocols: readonly string[], credentials = false): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(value.trim());
  } catch {
    // Reported below.
  }
  if (!url || !protocols.includes(url.protocol) || url.hostname === '') {
    return `${ref.env} does not hold a ${protocols.map((protocol) => protocol.replace(':', '')).join(' or ')} address (${ref.where})`;
  }
  if (!credentials && (url.username !== '' || url.password !== '')) {
    return `${ref.env} holds an address with a user name or password (user:pass@…), which a webhook address cannot carry (${ref.where}); give the address without them`;
  }
  return undefined;
}
