/**
 * Secrets from the environment, and the one filter every line notify prints
 * goes through, so no secret reaches the output, the log or an error message.
 */
import type { SecretRef } from './channels.ts';

/** A secret's value, or why there is none. Messages name the variable, never a value. */
export type SecretValue = { value: string } | { problem: string };

/** Replaces every secret it was given, wherever it appears in a text, with the name of its variable. */
export class Redactor {
  private readonly secrets = new Map<string, string>();

  /** Adds `value` (and, for an address, the parts that carry its secret) under the label `$NAME`. */
  add(value: string, env: string): void {
    const label = `$${env}`;
    const put = (secret: string | undefined, minLength = 1) => {
      if (secret && secret.length >= minLength) this.secrets.set(secret, label);
    };
    put(value);
    try {
      const url = new URL(value);
      put(url.href);
      // A webhook's token is its path; an error may show the path alone.
      put(`${url.pathname}${url.search}`, 8);
      put(url.password);
      put(decodeURIComponent(url.password));
      put(decodeURIComponent(url.username), 4);
    } catch {
      // Not an address: the value alone is the secret.
    }
  }

  /** `text` with every secret replaced by its variable's name. */
  redact(text: string): string {
    let out = text;
    for (const [secret, label] of [...this.secrets].sort((a, b) => b[0].length - a[0].length)) out = out.split(secret).join(label);
    return out;
  }
}

/** The value of the variable `ref` names; an unset or empty variable is a problem that names it. */
export function secretValue(ref: SecretRef, env: Readonly<Record<string, string | undefined>>): SecretValue {
  // Only the environment's own variables: `env:constructor` must not read Object's.
  const value = Object.hasOwn(env, ref.env) ? env[ref.env] : undefined;
  if (typeof value !== 'string' || value === '') {
    return { problem: `${ref.env} is not set (${ref.where})` };
  }
  return { value };
}

/** Checks that a secret holds the kind of address its field needs, without showing it. */
export function addressProblem(ref: SecretRef, value: string, protocols: readonly string[]): string | undefined {
  try {
    const url = new URL(value);
    if (protocols.includes(url.protocol) && url.hostname !== '') return undefined;
  } catch {
    // Reported below.
  }
  return `${ref.env} does not hold a ${protocols.map((protocol) => protocol.replace(':', '')).join(' or ')} address (${ref.where})`;
}
