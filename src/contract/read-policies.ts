/** sla.yaml: the SLA policies. */
import { fillClaimTemplate } from '../core/claims.ts';
import { DEFAULT_CAP_PERCENT, DEFAULT_EXCLUDED_CAUSES, DEFAULT_WEIGHTS } from '../core/defaults.ts';
import { CAUSES, WINDOW_LEVELS, type Cause, type WindowLevel } from '../core/levels.ts';
import { isTimeZone } from '../core/time.ts';
import { CLAIM_METHODS, CLAIM_PLACEHOLDERS, type Claim, type ClaimPeriod, type Locale, type Policy, type Tier } from '../core/types.ts';
import { Fields, isAbsoluteHttpUrl, shown } from './fields.ts';
import { ID_FIX, ID_PATTERN } from './read-services.ts';
import { suggest, type ContentProblem } from './problems.ts';
import type { YamlSource } from './yaml-source.ts';

/** The fields a policy may hold. */
export const POLICY_FIELDS = ['id', 'name', 'timeZone', 'objective', 'weights', 'excludedCauses', 'capPercent', 'tiers', 'claim'];
/** The fields of a policy's `claim`. */
export const CLAIM_FIELDS = ['how', 'url', 'within'];
/** The fields of one tier. */
export const TIER_FIELDS = ['id', 'name', 'below', 'prorated', 'creditPercent'];

/**
 * Reads sla.yaml. Months are cut in `siteTimeZone` unless a policy names its
 * own zone; names are in the site's `languages` (the first first).
 */
export function readPolicies(source: YamlSource, siteTimeZone: string, languages: readonly Locale[], problems: ContentProblem[]): Policy[] {
  const list = source.value;
  if (list === null || list === undefined) {
    // An empty file would silently remove every SLA: it is an error, as a missing one is. `[]` says "no SLA" on purpose.
    problems.push({ file: source.file, line: 1, message: 'sla.yaml is empty', fix: "add at least one policy ('- id: standard' …), or write [] for a site without SLAs" });
    return [];
  }
  if (!Array.isArray(list)) {
    problems.push({ file: source.file, line: 1, message: 'sla.yaml is not a list', fix: "start each policy with '- id: …'" });
    return [];
  }
  const policies: Policy[] = [];
  list.forEach((entry, index) => {
    const fields = Fields.at(source, [index], entry, problems, `policy ${index + 1}`);
    if (!fields) return;
    const policy = readPolicy(fields, siteTimeZone, languages, problems);
    if (!policy) return;
    if (policies.some((other) => other.id === policy.id)) {
      fields.report('id', `policy id '${policy.id}' is used twice`, 'give each policy its own id');
    } else {
      policies.push(policy);
    }
  });
  return policies;
}

function readPolicy(fields: Fields, siteTimeZone: string, languages: readonly Locale[], problems: ContentProblem[]): Policy | undefined {
  const before = problems.length;
  fields.allowOnly(POLICY_FIELDS, 'a policy');
  const id = fields.string('id', true);
  if (id !== undefined && !ID_PATTERN.test(id)) fields.report('id', `policy id '${id}' is not a valid id`, ID_FIX);
  const name = fields.localized('name', true, 'name', languages);
  let timeZone = fields.string('timeZone', false) ?? siteTimeZone;
  if (!isTimeZone(timeZone)) {
    fields.report('timeZone', `unknown time zone '${timeZone}'`, 'use an IANA zone such as Asia/Shanghai, Europe/Berlin or UTC');
    timeZone = siteTimeZone;
  }
  const objective = fields.number('objective', { min: 0, max: 100, required: true });
  const capPercent = fields.number('capPercent', { min: 0, max: 1000 }) ?? DEFAULT_CAP_PERCENT;
  const weights = readWeights(fields);
  const excludedCauses = readCauses(fields);
  const tiers = readTiers(fields, languages, problems);
  const claim = readClaim(fields);
  if (problems.length > before || id === undefined || name === undefined || objective === undefined) return undefined;
  return { id, name, timeZone, objective, weights, excludedCauses, capPercent, tiers, claim };
}

function readWeights(fields: Fields): Record<WindowLevel, number> {
  const weights = { ...DEFAULT_WEIGHTS };
  const given = fields.child('weights');
  if (!given) return weights;
  for (const level of Object.keys(given.record)) {
    if (!(WINDOW_LEVELS as readonly string[]).includes(level)) {
      given.report(level, `unknown level '${level}' in weights`, suggest(level, WINDOW_LEVELS));
      continue;
    }
    const weight = given.number(level, { min: 0, max: 1 });
    if (weight !== undefined) weights[level as WindowLevel] = weight;
  }
  // Maintenance weighs as a major outage unless the policy says otherwise.
  if (!given.has('under-maintenance')) weights['under-maintenance'] = weights['major-outage'];
  return weights;
}

function readCauses(fields: Fields): Cause[] {
  const list = fields.list('excludedCauses');
  if (!list) return [...DEFAULT_EXCLUDED_CAUSES];
  const causes: Cause[] = [];
  list.forEach((cause, index) => {
    const match = CAUSES.find((known) => known === String(cause).toLowerCase());
    if (match) causes.push(match);
    else fields.report('excludedCauses', `unknown cause ${shown(cause)} in excludedCauses (entry ${index + 1})`, suggest(String(cause), CAUSES));
  });
  return causes;
}

function readTiers(fields: Fields, languages: readonly Locale[], problems: ContentProblem[]): Tier[] {
  const tiers: Tier[] = [];
  const list = fields.list('tiers', true) ?? [];
  list.forEach((entry, index) => {
    const tierFields = Fields.at(fields.source, [...fields.path, 'tiers', index], entry, problems, `tier ${index + 1}`);
    if (!tierFields) return;
    tierFields.allowOnly(TIER_FIELDS, 'a tier');
    const id = tierFields.string('id', true);
    const name = tierFields.localized('name', true, 'name', languages);
    if (id !== undefined && !ID_PATTERN.test(id)) tierFields.report('id', `tier id '${id}' is not a valid id`, ID_FIX);
    const below = tierFields.number('below', { min: 0, max: 100, required: true });
    const prorated = tierFields.boolean('prorated') ?? false;
    const creditPercent = tierFields.number('creditPercent', { min: 0, max: 1000 }) ?? 0;
    if (id === undefined || name === undefined || below === undefined) return;
    const clash = tiers.find((tier) => tier.below === below);
    if (clash) {
      tierFields.report(
        'below',
        `tiers '${clash.id}' and '${id}' overlap: both apply below ${below}%`,
        'give each tier its own `below` threshold',
      );
    } else if (tiers.some((tier) => tier.id === id)) {
      tierFields.report('id', `tier id '${id}' is used twice in this policy`, 'give each tier its own id');
    } else {
      tiers.push({ id, name, below, prorated, creditPercent });
    }
  });
  return tiers.sort((a, b) => a.below - b.below);
}

/** The longest claim period taken: ten years either way. Longer ones are typos. */
export const LONGEST_PERIOD = { months: 120, days: 3660 };
const PERIOD_FIX = "write it as '<n> months' or '<n> days' after the end of the month, e.g. '2 months' or '30 days'";

/**
 * `claim`: how a credit is claimed (`how: ticket | automatic`), the claim
 * form's address template (`url`, required for a ticket) and the claim
 * period (`within`, optional: without it there is no deadline).
 */
function readClaim(fields: Fields): Claim | null {
  const claim = fields.child('claim');
  if (!claim) return null;
  claim.allowOnly(CLAIM_FIELDS, "'claim'");
  const how = claim.oneOf('how', CLAIM_METHODS, "claim method ('how')", true);
  const template = claim.string('url', false);
  const url = template === undefined ? undefined : claimTemplate(claim, template);
  if (how === 'ticket' && !claim.has('url')) {
    claim.report('url', "a claim by ticket needs 'url'", "add the address of your claim form, e.g. 'url: https://support.example.com/new?service={service}&month={month}&incidents={incidents}'");
  }
  const within = claimPeriod(claim);
  if (how === undefined) return null;
  if (how === 'automatic') return { how, url: url ?? null, within: within ?? null };
  // A ticket without a usable url is reported above, and the policy is not used.
  return url === undefined ? null : { how, url, within: within ?? null };
}

/** A claim URL template, or `undefined` (reported) when it is not an absolute http(s) address with only our placeholders. */
function claimTemplate(claim: Fields, template: string): string | undefined {
  const known = CLAIM_PLACEHOLDERS.map((name) => `{${name}}`).join(', ');
  for (const [, name] of template.matchAll(/\{([^{}]*)\}/g)) {
    if (!(CLAIM_PLACEHOLDERS as readonly string[]).includes(name!)) {
      return claim.report('url', `unknown placeholder {${name}} in the claim url`, `use only ${known}`);
    }
  }
  const filled = fillClaimTemplate(template, () => 'x');
  if (/[{}]/.test(filled)) return claim.report('url', `the claim url has a '{' or '}' that is not part of a placeholder`, `use only ${known}, each in one pair of braces`);
  if (/\s/.test(filled)) return claim.report('url', 'the claim url holds a space', 'write spaces as %20');
  if (!isAbsoluteHttpUrl(filled)) {
    return claim.report('url', `the claim url ${shown(template)} is not an absolute http(s) address without a user name or password`, 'write the full address of your claim form, starting with https://');
  }
  return template;
}

/** `within`: `<n> months` or `<n> days`, n a whole number from 1. */
function claimPeriod(claim: Fields): ClaimPeriod | undefined {
  if (claim.record.within === undefined) return undefined;
  const value = claim.string('within', false);
  if (value === undefined) return undefined;
  const match = /^(\d+)\s*(months?|days?)$/i.exec(value);
  if (!match) return claim.report('within', `'within' is ${shown(value)}, not a period`, PERIOD_FIX);
  const count = Number(match[1]);
  const unit = match[2]!.toLowerCase().startsWith('month') ? 'months' : 'days';
  if (count < 1 || count > LONGEST_PERIOD[unit]) {
    return claim.report('within', `'within' is ${count} ${unit}, outside 1 to ${LONGEST_PERIOD[unit]}`, PERIOD_FIX);
  }
  return { count, unit };
}
