/**
 * What is not translated yet into one of the site's other languages: never
 * an error (in an outage the first language goes out first), but counted by
 * `npm run check` and listed by `npm run translate` for the translator.
 */
import type { Incident, Locale, Update } from './types.ts';

/** One incident's words that `locale` lacks. */
export interface IncidentGap {
  incident: Incident;
  /** The title, summary or postmortem lacks the language (what the original has of them). */
  words: ('title' | 'summary' | 'postmortem')[];
  /** Updates without the language, newest first. */
  updates: Update[];
}

/**
 * The incidents with anything not translated into `locale`, in the order
 * given; an incident counts when its title, its summary or postmortem (where
 * the original has one) or any update lacks the language. `first` is the
 * site's first language: what every original is written in.
 */
export function translationGaps(incidents: readonly Incident[], locale: Locale, first: Locale): IncidentGap[] {
  const gaps: IncidentGap[] = [];
  for (const incident of incidents) {
    const words: IncidentGap['words'] = [];
    if (incident.title[locale] === undefined) words.push('title');
    if (incident.summary[first] !== '' && incident.summary[locale] === undefined) words.push('summary');
    if (incident.postmortem && incident.postmortem[locale] === undefined) words.push('postmortem');
    const updates = incident.updates.filter((update) => update.text[locale] === undefined);
    if (words.length > 0 || updates.length > 0) gaps.push({ incident, words, updates });
  }
  return gaps;
}
