import { describe, expect, it } from 'vitest';
import { buildStamp, digestOf, KEY_VERSION, pageKey, siteKey } from '../../src/site/page-keys.ts';
import { testSite } from '../builders.ts';

const stamp = buildStamp({ node: 'v24.21.0', icu: '77.1', tz: '2025b', unicode: '16.0' }, '7.3.5', '0.1.0', 'code');
const site = siteKey(stamp, testSite);
const view = { entry: { incident: { id: 'a', title: { en: 'A' } } }, names: { ecs: { value: 'Compute', lang: 'en', untranslated: false } }, support: 'contacts' };

describe('buildStamp', () => {
  it('holds the key version, Node and its ICU, time zone and Unicode data, Astro’s and our versions, and the code’s digest', () => {
    expect(stamp).toEqual({ keyVersion: KEY_VERSION, node: 'v24.21.0', icu: '77.1', tz: '2025b', unicode: '16.0', astro: '7.3.5', statusLedger: '0.1.0', code: 'code' });
  });
});

describe('pageKey', () => {
  it('is the same for the same inputs, in another build', () => {
    expect(pageKey(site, 'incident', 'en', structuredClone(view))).toBe(pageKey(siteKey(stamp, structuredClone(testSite)), 'incident', 'en', structuredClone(view)));
  });

  it.each([
    ['the site’s title', () => pageKey(siteKey(stamp, { ...testSite, title: { en: 'Other' } }), 'incident', 'en', view)],
    ['the support contacts', () => pageKey(siteKey(stamp, { ...testSite, support: [{ label: { en: 'Call' }, href: 'tel:1' }] }), 'incident', 'en', view)],
    ['Node’s ICU', () => pageKey(siteKey({ ...stamp, icu: '78.1' }, testSite), 'incident', 'en', view)],
    ['the time zone data', () => pageKey(siteKey({ ...stamp, tz: '2026a' }, testSite), 'incident', 'en', view)],
    ['Astro’s version', () => pageKey(siteKey({ ...stamp, astro: '7.4.0' }, testSite), 'incident', 'en', view)],
    ['the key version', () => pageKey(siteKey({ ...stamp, keyVersion: KEY_VERSION + 1 }, testSite), 'incident', 'en', view)],
    ['the route', () => pageKey(site, 'service', 'en', view)],
    ['the language', () => pageKey(site, 'incident', undefined, view)],
    ['the incident', () => pageKey(site, 'incident', 'en', { ...view, entry: { incident: { id: 'a', title: { en: 'B' } } } })],
    ['a name the page shows', () => pageKey(site, 'incident', 'en', { ...view, names: { ecs: { value: 'Compute 2', lang: 'en', untranslated: false } } })],
    ['a fact now decides (the support offer)', () => pageKey(site, 'incident', 'en', { ...view, support: 'link' })],
  ])('changes with %s', (_, other) => {
    expect(other()).not.toBe(pageKey(site, 'incident', 'en', view));
  });
});

describe('digestOf', () => {
  it('serialises an object once, however many keys name it', () => {
    const entry = { text: 'first' };
    const first = digestOf(entry);
    entry.text = 'changed after';
    // The same object within a build is the same incident: worked out once.
    expect(digestOf(entry)).toBe(first);
    expect(digestOf({ text: 'changed after' })).not.toBe(first);
  });
});
