/**
 * Status badges: small SVGs in the shape people know from READMEs, with a
 * `<title>` and `role="img"` so a screen reader reads them.
 */
import { wordsIn, type Language } from '../i18n/language.ts';
import { xmlText } from './escape.ts';
import { statusLabel, truncatePercent } from '../i18n/format.ts';
import type { Ledger } from '../core/ledger.ts';
import type { Messages } from '../i18n/messages.ts';
import type { ServiceStatus } from '../core/levels.ts';

/** Badge colours: the light-scheme status colours, dark enough for white text. */
export const BADGE_COLORS: Record<ServiceStatus, string> = {
  operational: '#1a7f37',
  'under-maintenance': '#0969da',
  'degraded-performance': '#9a6700',
  'partial-outage': '#bc4c00',
  'major-outage': '#cf222e',
};

/** Rough width of text in 11px Verdana, the badge font: wide letters count more. */
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[MWmw@%]/.test(char) ? 10 : /[A-Z0-9#]/.test(char) ? 7.5 : /[ilj.,:;'|!·]/.test(char) ? 3.5 : char.charCodeAt(0) > 0x2e80 ? 11 : 6.5;
  return Math.ceil(width);
}

/**
 * A two-part badge: a grey label and a coloured value, titled `label: value`
 * (`colon`: the language's). Text goes through `xmlText`: an SVG is XML.
 */
export function badgeSvg(label: string, value: string, color: string, colon = ': '): string {
  const left = textWidth(label) + 12;
  const right = textWidth(value) + 12;
  const width = left + right;
  const title = xmlText(`${label}${colon}${value}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}"><title>${title}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${color}"/><rect width="${width}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"><text x="${left / 2}" y="14">${xmlText(label)}</text><text x="${left + right / 2}" y="14">${xmlText(value)}</text></g></svg>\n`;
}

/** No data is grey, never a colour of a figure. */
const NO_DATA_COLOR = '#6e7781';

/** A service's 90-day observed uptime badge: `no data` in grey while none of those days has data (before `since`). */
function uptimeBadge(name: string, uptime: number | null, t: Messages): string {
  if (uptime === null) return badgeSvg(t.badge.uptime(name), t.badge.noData, NO_DATA_COLOR, t.colon);
  const color = uptime >= 99.9 ? BADGE_COLORS.operational : uptime >= 99 ? BADGE_COLORS['degraded-performance'] : BADGE_COLORS['major-outage'];
  return badgeSvg(t.badge.uptime(name), `${truncatePercent(uptime)}%`, color, t.colon);
}

/**
 * Every badge the site publishes in `language`, by file name: `overall`, one
 * per service with its current status, and `<service>-uptime` with its 90-day
 * observed uptime.
 */
export function statusBadges(ledger: Ledger, language: Language): { name: string; svg: string }[] {
  const { t } = language;
  return [
    { name: 'overall', svg: badgeSvg(t.badge.status, statusLabel(ledger.overall, t).toLowerCase(), BADGE_COLORS[ledger.overall], t.colon) },
    ...ledger.services.flatMap((entry) => [
      { name: entry.service.id, svg: badgeSvg(wordsIn(entry.service.name, language), statusLabel(entry.status, t).toLowerCase(), BADGE_COLORS[entry.status], t.colon) },
      { name: `${entry.service.id}-uptime`, svg: uptimeBadge(wordsIn(entry.service.name, language), entry.uptime, t) },
    ]),
  ];
}
