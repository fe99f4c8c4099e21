/**
 * `/embed.js`: one script tag that shows the overall status and any active
 * incident on another site. The status is written into the script at build
 * time, so it makes no request of its own and sets no cookie; it draws into a
 * shadow root so the host page's styles and its own stay apart.
 */
import { wordsIn, type Language } from '../i18n/language.ts';
import { homeUrl, incidentUrl } from './links.ts';
import { statusHeadline } from '../i18n/format.ts';
import type { Ledger } from '../core/ledger.ts';
import type { Site } from '../core/types.ts';
import { BADGE_COLORS } from './badges.ts';
import { jsLiteral } from './escape.ts';

/** The data the widget shows, in `language`. */
export function embedData(ledger: Ledger, site: Site, language: Language) {
  return {
    title: wordsIn(site.title, language),
    url: homeUrl(site, language),
    status: ledger.overall,
    headline: statusHeadline(ledger.overall, language.t),
    /** Between the site's title and the headline, in the language's punctuation. */
    colon: language.t.colon,
    color: BADGE_COLORS[ledger.overall],
    active: ledger.active
      .filter((entry) => entry.incident.kind !== 'notice')
      .map((entry) => ({ title: wordsIn(entry.incident.title, language), url: incidentUrl(site, entry.incident.id, language) })),
  };
}

/**
 * The script: the data as a JavaScript literal (`jsLiteral`: nothing from
 * content is ever script text), then a few lines that draw it after the
 * script tag. Names and titles are isolated (`<bdi>`) so a right-to-left
 * title keeps the words around it in place.
 */
export function embedScript(ledger: Ledger, site: Site, language: Language): string {
  // The comment holds nothing from content and no markup: the script stays ASCII and may be inlined too.
  return `/* Status Ledger status widget: load this file with an async script tag where the status should show. */
(function () {
  var data = ${jsLiteral(embedData(ledger, site, language))};
  var script = document.currentScript;
  var host = document.createElement('div');
  host.setAttribute('data-status-ledger', '');
  if (script && script.parentNode) script.parentNode.insertBefore(host, script.nextSibling);
  else document.body.appendChild(host);
  var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
  var style = document.createElement('style');
  style.textContent = ':host{all:initial}a{font:14px/1.4 system-ui,sans-serif;color:inherit;text-decoration:none}' +
    '.box{display:inline-flex;flex-direction:column;gap:4px;padding:8px 12px;border:1px solid #d5dae0;border-radius:8px;background:#fff;color:#1b1f24}' +
    '.row{display:flex;align-items:center;gap:8px;font-weight:600}.dot{width:10px;height:10px;border-radius:50%;flex:none}' +
    '.incident{font-weight:400;text-decoration:underline}';
  root.appendChild(style);
  var box = document.createElement('div');
  box.className = 'box';
  var row = document.createElement('a');
  row.className = 'row';
  row.href = data.url;
  var dot = document.createElement('span');
  dot.className = 'dot';
  dot.style.background = data.color;
  row.appendChild(dot);
  var title = document.createElement('bdi');
  title.textContent = data.title;
  row.appendChild(title);
  row.appendChild(document.createTextNode(data.colon + data.headline));
  box.appendChild(row);
  for (var i = 0; i < data.active.length; i++) {
    var link = document.createElement('a');
    link.className = 'incident';
    link.href = data.active[i].url;
    link.appendChild(document.createElement('bdi')).textContent = data.active[i].title;
    box.appendChild(link);
  }
  root.appendChild(box);
})();
`;
}
