/**
 * Resolved content: what the content contract becomes once it is read and
 * validated. Shorthands are expanded and defaults filled, so the engine never
 * has to know what an editor left out.
 */
import type { Cause, ImpactLevel, WindowLevel } from './levels.ts';
import type { Instant, Range } from './time.ts';

/** Languages a site can be published in (site.yaml `locale` and `languages`): each has an interface catalog. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Words an editor wrote, by language: always in the site's first language
 * (site.yaml `locale`), and in each other language it was translated into.
 * A catalog text written as a plain string is the same in every language,
 * so it has every language. Figures, times, levels and ids are never
 * localized: only words are.
 */
export type Localized<T = string> = Readonly<Partial<Record<Locale, T>>>;

/** A support contact shown on incidents with a partial or major outage. */
export interface SupportContact {
  label: Localized;
  href: string;
}

/** site.yaml, resolved. */
export interface Site {
  title: Localized;
  description: Localized;
  /** Absolute base URL without a trailing slash. */
  url: string;
  /** IANA zone: how times are shown, and how offset-less times are read. */
  timeZone: string;
  /** Updates per RSS feed. */
  feedItems: number;
  support: SupportContact[];
  /** The first language: the one every text is written in, published at the root. */
  locale: Locale;
  /** The other languages, each published under its own prefix (`/en/`), in site.yaml's order; empty for a one-language site. */
  languages: Locale[];
  /** A WebSub hub: feeds name it, and `npm run notify` tells it when they change. */
  websubHub?: string;
  /**
   * The ISO 4217 code of the currency fees are paid in (site.yaml
   * `currency`, e.g. `CNY`): the credit estimator shows amounts in it.
   * Left out: amounts are plain numbers.
   */
  currency?: string;
  /**
   * When the records start for every service (site.yaml `since`) unless a
   * service sets its own: days and months before it are "no data".
   */
  since?: Instant;
}

/** One entry of services.yaml, resolved. */
export interface Service {
  id: string;
  name: Localized;
  /** Services are shown grouped; the group is known by its first-language name. */
  group: Localized;
  description: Localized;
  /** Policy id, or `null` for a service with no SLA. */
  sla: string | null;
  /**
   * When the service's records start (services.yaml `since`, else
   * site.yaml's): days and months that end at or before it are "no data",
   * never 100%, and no impact may lie before it. Left out: records reach
   * back as far as the history does.
   */
  since?: Instant;
}

/** One compensation tier of a policy. */
export interface Tier {
  id: string;
  name: Localized;
  /** A month falls into the tier with the smallest `below` greater than its availability. */
  below: number;
  /** Refund the fee of the unavailable time: 100 × downtime / month minutes. */
  prorated: boolean;
  /** Fixed share of the monthly fee, in percent, added to any pro-rated refund. */
  creditPercent: number;
}

/** How a credit under a policy is claimed (sla.yaml `claim.how`). */
export const CLAIM_METHODS = ['ticket', 'automatic'] as const;
export type ClaimMethod = (typeof CLAIM_METHODS)[number];

/** How long a credit may be claimed after the end of its month: `2 months`, `30 days`. */
export interface ClaimPeriod {
  count: number;
  unit: 'months' | 'days';
}

/** The placeholders a claim URL template may hold. */
export const CLAIM_PLACEHOLDERS = ['service', 'month', 'incidents'] as const;
export type ClaimPlaceholder = (typeof CLAIM_PLACEHOLDERS)[number];

/**
 * sla.yaml `claim`: how a customer gets a credit, and by when. A ticket
 * always has its form's address (the reader refuses one without); an
 * automatic credit may name one, which nothing needs.
 */
export type Claim =
  | {
      how: 'ticket';
      /**
       * An absolute http(s) address with `{service}`, `{month}` (YYYY-MM) and
       * `{incidents}` (comma-separated ids) to fill in.
       */
      url: string;
      /** The claim period after the end of the month; `null`: no deadline. */
      within: ClaimPeriod | null;
    }
  | { how: 'automatic'; url: string | null; within: ClaimPeriod | null };

/** One entry of sla.yaml, resolved. */
export interface Policy {
  id: string;
  name: Localized;
  /** Calendar months are cut at local midnight in this zone. */
  timeZone: string;
  objective: number;
  /** Share of each minute that counts as unavailable, per window level. */
  weights: Record<WindowLevel, number>;
  excludedCauses: Cause[];
  capPercent: number;
  /** Tiers by ascending `below`. */
  tiers: Tier[];
  /** How credits are claimed; `null`: pages say to contact support. */
  claim: Claim | null;
}

export const UPDATE_STATUSES = [
  'investigating',
  'identified',
  'monitoring',
  'update',
  'resolved',
  'scheduled',
  'in-progress',
  'verifying',
  'completed',
  'correction',
] as const;
/** The status an update heading announces. */
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

/** Markdown an editor wrote, and its rendering. */
export interface Prose {
  /** Rendered, safe HTML of the Markdown. */
  html: string;
  /** The Markdown as written, for outputs in plain text (chat notifications, the Statuspage API). */
  markdown: string;
}

/** One timeline entry. */
export interface Update {
  status: UpdateStatus;
  at: Instant;
  /** What the update says, in the original's language and each translation that has it. */
  text: Localized<Prose>;
  /** Line of the heading in the incident file. */
  line: number;
}

/** A follow-up action from the postmortem's task list. */
export interface FollowUp {
  /** Rendered, safe inline HTML. */
  html: string;
  done: boolean;
}

export interface Postmortem extends Prose {
  actions: FollowUp[];
}

/** One affected service, with the shorthand expanded. */
export interface Affected {
  service: string;
  level: WindowLevel;
  from: Instant;
  /** `null` while the impact goes on. */
  to: Instant | null;
}

export const INCIDENT_KINDS = ['incident', 'maintenance', 'notice'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** The statuses each kind's updates may have, in the order they usually come; the last one closes it. */
export const STATUSES_BY_KIND: Record<IncidentKind, readonly UpdateStatus[]> = {
  incident: ['investigating', 'identified', 'monitoring', 'update', 'resolved'],
  maintenance: ['scheduled', 'in-progress', 'verifying', 'update', 'completed'],
  notice: ['update', 'resolved'],
};

/**
 * The kinds whose figures a Correction update may change: incidents and
 * maintenance. A notice has no impact and no SLA effect, so nothing a
 * customer claims on rests on it: an Update says what changed.
 */
export const CORRECTABLE_KINDS: readonly IncidentKind[] = ['incident', 'maintenance'];

/**
 * Every status an update of `kind` may have: STATUSES_BY_KIND, and
 * `correction` for the kinds a Correction may follow (CORRECTABLE_KINDS).
 */
export function statusesOf(kind: IncidentKind): readonly UpdateStatus[] {
  return CORRECTABLE_KINDS.includes(kind) ? [...STATUSES_BY_KIND[kind], 'correction'] : STATUSES_BY_KIND[kind];
}

/** The one update status that closes `kind`: Completed for maintenance, Resolved otherwise. */
export function closingStatus(kind: IncidentKind): UpdateStatus {
  return STATUSES_BY_KIND[kind].at(-1)!;
}

/** Update statuses that close an incident, maintenance or notice: each kind's closingStatus. */
export const CLOSING_STATUSES: readonly UpdateStatus[] = [...new Set(INCIDENT_KINDS.map(closingStatus))];

/** One incident, maintenance or notice, resolved. */
export interface Incident {
  id: string;
  /** The file it came from, as given to the loader. */
  path: string;
  kind: IncidentKind;
  title: Localized;
  /** `null` while unknown: shown as under investigation, counted as `platform`. */
  cause: Cause | null;
  started: Instant;
  resolved: Instant | null;
  /** The level an affected service gets unless it overrides it. */
  level: ImpactLevel | 'under-maintenance';
  /** The announced window of a maintenance. */
  scheduled: Range | null;
  affected: Affected[];
  /** Rendered, safe HTML of the text before the first update; empty when there is none. */
  summary: Localized;
  /** Newest first. */
  updates: Update[];
  /** The original's postmortem and its translations; `null` when the original has none. */
  postmortem: Localized<Postmortem> | null;
  /** The translation files read into it, by language (`<id>.<lang>.md`). */
  translations: Partial<Record<Locale, string>>;
  /** Where it was imported from (front matter `source`, e.g. a Statuspage shortlink); never shown as its text. */
  source: string | null;
}

/** Everything the build works from. */
export interface Content {
  site: Site;
  services: Service[];
  policies: Policy[];
  incidents: Incident[];
}
