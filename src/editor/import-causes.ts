/**
 * The cause of an imported incident. Neither Statuspage nor cState says
 * whose fault an incident was, and the cause moves money (a policy excludes
 * customer, third-party and force-majeure impact), so an import never
 * guesses it: an incident is written without `cause` (shown as under
 * investigation, counted as the platform's) and a note says to review it,
 * unless the editor maps the source's words to a cause (`--cause CDN=third-party`).
 */
import { suggest } from '../contract/problems.ts';
import { CAUSES, type Cause } from '../core/levels.ts';

/** An editor's mapping, by lowercased source word: a component or system name, a service id, an impact or severity. */
export type CauseMapping = ReadonlyMap<string, Cause>;

/** A `--cause` that cannot be read: the message says what to write. */
export class CauseMappingError extends Error {}

/**
 * Reads `--cause <word>=<cause>` values (`CDN=third-party`,
 * `critical=platform`) into a mapping. A value without `=`, an unknown
 * cause, or one word mapped to two causes throws a CauseMappingError.
 */
export function readCauseMapping(values: readonly string[]): CauseMapping {
  const mapping = new Map<string, Cause>();
  for (const value of values) {
    const equals = value.lastIndexOf('=');
    const word = value.slice(0, equals).trim().toLowerCase();
    const cause = value.slice(equals + 1).trim().toLowerCase();
    if (equals <= 0 || word === '') throw new CauseMappingError(`--cause '${value}' is not <component or impact>=<cause>; e.g. --cause CDN=third-party`);
    if (!(CAUSES as readonly string[]).includes(cause)) throw new CauseMappingError(`--cause '${value}': unknown cause '${cause}'; ${suggest(cause, CAUSES)}`);
    const other = mapping.get(word);
    if (other !== undefined && other !== cause) throw new CauseMappingError(`--cause maps '${word}' to both ${other} and ${cause}; keep one`);
    mapping.set(word, cause as Cause);
  }
  return mapping;
}

/**
 * The cause `mapping` gives an imported incident by its source words
 * (`words`: its components or systems, the services they map to, its impact
 * or severity); `undefined` when no word is mapped, or its words map to
 * different causes. Either way a note says the cause needs review.
 */
export function importedCause(words: readonly (string | undefined)[], mapping: CauseMapping | undefined, note: (text: string) => void): Cause | undefined {
  const found = new Map<Cause, string>();
  for (const word of words) {
    const cause = word === undefined ? undefined : mapping?.get(word.trim().toLowerCase());
    if (cause !== undefined && !found.has(cause)) found.set(cause, word!);
  }
  if (found.size === 1) return [...found.keys()][0];
  if (found.size > 1) {
    const which = [...found].map(([cause, word]) => `'${word}' → ${cause}`).join(', ');
    note(`--cause gives it more than one cause (${which}); written without a cause: review it and set 'cause' by hand`);
  } else {
    note("the source says no cause: written without one (shown as under investigation, counted as the platform's); review it and set 'cause', or import with --cause <component or impact>=<cause>");
  }
  return undefined;
}
