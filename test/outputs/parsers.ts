/**
 * Real readers for the site's output languages, for tests that check an
 * output parses and gives back the text it was given: a conforming XML 1.0
 * parser (saxes), a calendar parser (ical.js), Node's JavaScript engine (vm).
 */
import vm from 'node:vm';
import ICAL from 'ical.js';
import { SaxesParser } from 'saxes';

/** One XML element: its name, attributes, child elements and all the text inside it. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses `xml` as XML 1.0; throws on anything not well-formed, a forbidden character included. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const open: XmlElement[] = [root];
  const addText = (text: string) => {
    for (const element of open) element.text += text;
  };
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, children: [], text: '' };
    open.at(-1)!.children.push(element);
    open.push(element);
  });
  parser.on('closetag', () => void open.pop());
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  return root.children[0]!;
}

/** Every element named `name` under `element`, in document order. */
export function elements(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...elements(child, name)]);
}

/**
 * Whether XML 1.0 allows the code point (its Char production): tab, line
 * feed, carriage return, and U+0020 up, less the surrogates, U+FFFE and U+FFFF.
 */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
}

/** What an XML parser gives back for `text` written as character data: forbidden characters gone, line ends as LF (XML 1.0 §2.11). */
export function asXmlReadsIt(text: string): string {
  return [...text].filter((char) => isXmlChar(char.codePointAt(0)!)).join('').replace(/\r\n?/g, '\n');
}

/** What a calendar client gives back for `text` written as RFC 5545 TEXT: controls gone but tab, line breaks as LF. */
export function asCalendarReadsIt(text: string): string {
  return [...text].filter((char) => isXmlChar(char.codePointAt(0)!) && char !== '\u007f').join('').replace(/\r\n?/g, '\n');
}

// X-WR-CALNAME is TEXT to the clients that show it (Apple, Google, Outlook); ical.js would keep an X- property raw.
(ICAL.design.defaultSet.property as Record<string, { defaultType: string }>)['x-wr-calname'] = { defaultType: 'text' };

/** A calendar, parsed by ical.js (strict about content lines): its name and each event's properties as text. */
export function parseCalendar(ics: string): { name: string; events: Record<string, string>[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((event) =>
    Object.fromEntries(event.getAllProperties().map((property) => [property.name, String(property.getFirstValue())])),
  );
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname')), events };
}

/**
 * RFC 5545 content lines: CRLF only, at most 75 octets each, every line a
 * `NAME:` or `NAME;` property or a folded continuation starting with a space.
 * Returns the lines that are not.
 */
export function badCalendarLines(ics: string): string[] {
  if (!ics.endsWith('\r\n')) return ['(no CRLF at the end)'];
  return ics
    .slice(0, -2)
    .split('\r\n')
    .filter((line) => /[\r\n]/.test(line) || Buffer.byteLength(line) > 75 || !/^(?:[A-Z][A-Z0-9-]*[:;]| )/.test(line));
}

/**
 * Runs an embed script in a fresh V8 context with the few DOM calls it makes,
 * and returns the text it put on the page (each node's text, in order).
 */
export function runEmbed(script: string): string[] {
  const texts: string[] = [];
  const element = (): Record<string, unknown> => {
    const node: Record<string, unknown> = {
      style: {},
      setAttribute() {},
      appendChild(child: Record<string, unknown>) {
        return child;
      },
      attachShadow: () => element(),
    };
    Object.defineProperty(node, 'textContent', { set: (text: string) => void texts.push(text) });
    return node;
  };
  const document = {
    currentScript: null,
    body: element(),
    createElement: element,
    createTextNode: (text: string) => {
      texts.push(text);
      return {};
    },
  };
  vm.runInNewContext(script, { document });
  return texts;
}

/** The data an embed script carries, read by evaluating its `var data = …;` expression. */
export function embedDataOf(script: string): { title: string; headline: string; active: { title: string; url: string }[] } {
  const expression = /^\s*var data = (.*);$/m.exec(script)?.[1];
  if (!expression) throw new Error('no `var data = …;` line in the embed');
  return vm.runInNewContext(`(${expression})`);
}
