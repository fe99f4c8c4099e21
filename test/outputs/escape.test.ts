import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { icsText, jsLiteral, xmlText } from '../../src/outputs/escape.ts';
import { asXmlReadsIt, parseXml } from './parsers.ts';

describe('jsLiteral', () => {
  it.each([
    ['*/ alert(1) /*', 'JSON.parse("\\"*/ alert(1) /*\\"")'],
    ['</script><script>', 'JSON.parse("\\"\\u003c/script\\u003e\\u003cscript\\u003e\\"")'],
    ['a\u2028b', 'JSON.parse("\\"a\\u2028b\\"")'],
    ['云 😀', 'JSON.parse("\\"\\u4e91 \\ud83d\\ude00\\"")'],
    [{ __proto__: null, a: '&' }, 'JSON.parse("{\\"a\\":\\"\\u0026\\"}")'],
  ])('writes %j as %s', (value, expected) => {
    expect(jsLiteral(value)).toBe(expected);
  });

  it('gives back any value exactly, as printable ASCII that cannot end a <script> element', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        for (const input of [value, text, { title: text, list: [text, value] }]) {
          const literal = jsLiteral(input);
          expect(literal).toMatch(/^[\x20-\x7e]*$/);
          expect(literal).not.toMatch(/[<>]/);
          expect(vm.runInNewContext(`(${literal})`)).toEqual(JSON.parse(JSON.stringify(input)));
        }
      }),
    );
  });

  it('keeps a __proto__ key as a key, where an object literal would set the prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}');
    const read = vm.runInNewContext(`(${jsLiteral(value)})`);
    expect(Object.keys(read)).toEqual(['__proto__']);
    expect(read.polluted).toBeUndefined();
  });
});

describe('xmlText', () => {
  it.each([
    ['<b>"Tom" & \'Jerry\'</b>', '&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;'],
    [']]>', ']]&gt;'],
    ['a\u0001b\u000bc\u001fd', 'abcd'],
    ['tab\tline\ncr\r', 'tab\tline\ncr\r'],
    ['\ud800lone \udfff', 'lone '],
    ['😀 \ufffe\uffff', '😀 '],
    ['\u0085\u202e', '\u0085\u202e'],
  ])('writes %j as %j', (text, expected) => {
    expect(xmlText(text)).toBe(expected);
  });

  it('is well-formed XML for any string, in element content and in attributes, and reads back as the text less what XML forbids', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const root = parseXml(`<r a="${xmlText(text)}">${xmlText(text)}</r>`);
        expect(root.text).toBe(asXmlReadsIt(text));
        expect(root.attributes.a).toBe(asXmlReadsIt(text).replace(/[\t\n]/g, ' '));
      }),
    );
  });
});

describe('icsText', () => {
  it.each([
    ['Upgrade; phase 1, part 2', 'Upgrade\\; phase 1\\, part 2'],
    ['C:\\path', 'C:\\\\path'],
    ['one\r\ntwo\nthree\rfour', 'one\\ntwo\\nthree\\nfour'],
    ['SUMMARY:x\rDTSTART:20990101T000000Z', 'SUMMARY:x\\nDTSTART:20990101T000000Z'],
    ['bell\u0007 del\u007f tab\t', 'bell del tab\t'],
    ['CR, DEL, LF: one break\r\u007f\n', 'CR\\, DEL\\, LF: one break\\n'],
  ])('writes %j as %j', (text, expected) => {
    expect(icsText(text)).toBe(expected);
  });

  it('never leaves a line break or a control character but tab', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(icsText(text)).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
      }),
    );
  });
});
