import { describe, expect, it } from 'vitest';
import { readContentFiles, resolveContent } from '../../src/contract/load-content.ts';
import { formatProblem } from '../../src/contract/problems.ts';
import { computeLedger } from '../../src/core/ledger.ts';

// The sample is what `npm start` shows; it must stay valid and keep exercising every rule.
// Checked as of the browser tests' pinned now (2026-11-27 00:00 UTC), when its last incident is ongoing.
const SAMPLE_NOW = Date.parse('2026-11-27T00:00:00Z');
const { content, problems } = resolveContent(await readContentFiles('content'), SAMPLE_NOW);
const ledger = computeLedger(content, SAMPLE_NOW);
const impacts = ledger.incidents.flatMap((entry) => entry.impacts);

describe('the sample content', () => {
  it('has no problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('has at least 12 services in 3 groups, 2 policies and 20 incidents', () => {
    expect(content.services.length).toBeGreaterThanOrEqual(12);
    expect(ledger.groups.length).toBeGreaterThanOrEqual(3);
    expect(content.policies.map((policy) => policy.id)).toEqual(['standard', 'fixed-credit']);
    expect(content.policies[1]!.tiers.every((tier) => !tier.prorated)).toBe(true);
    expect(content.incidents.length).toBeGreaterThanOrEqual(20);
  });

  it('exercises every cause, level and kind', () => {
    expect(new Set(impacts.flatMap((impact) => impact.causes))).toEqual(
      new Set(['platform', 'customer', 'third-party', 'maintenance', 'force-majeure']),
    );
    expect(content.incidents.some((incident) => incident.cause === null && incident.kind === 'incident')).toBe(true);
    expect(new Set(impacts.map((impact) => impact.level))).toEqual(
      new Set(['major-outage', 'partial-outage', 'degraded-performance', 'under-maintenance']),
    );
    expect(new Set(content.incidents.map((incident) => incident.kind))).toEqual(new Set(['incident', 'maintenance', 'notice']));
  });

  it('has a month crossing, an overlap, an overrun, an ongoing incident and upcoming maintenance', () => {
    expect(impacts.some((impact) => impact.months.length > 1)).toBe(true);
    expect(ledger.services.some((entry) => entry.months.some((month) => month.incidents.length > 1))).toBe(true);
    expect(ledger.incidents.some((entry) => entry.incident.kind === 'maintenance' && entry.impacts.some((impact) => impact.causes.includes('platform')))).toBe(true);
    expect(ledger.active.some((entry) => entry.incident.kind === 'incident')).toBe(true);
    expect(ledger.upcoming.length).toBeGreaterThan(0);
  });

  it('reaches every tier of the standard policy', () => {
    const tiers = new Set(ledger.services.flatMap((entry) => entry.months.map((month) => month.tier?.id ?? null)));
    expect(tiers).toContain('prorated');
    expect(tiers).toContain('prorated-plus');
    expect(tiers).toContain(null);
  });

  it('has a postmortem with open and done follow-ups, and an incident in Chinese', () => {
    const actions = content.incidents.flatMap((incident) => incident.postmortem?.[content.site.locale]!.actions ?? []);
    expect(actions.some((action) => action.done)).toBe(true);
    expect(actions.some((action) => !action.done)).toBe(true);
    expect(content.incidents.some((incident) => /[\u4e00-\u9fff]/.test(incident.title[content.site.locale]!))).toBe(true);
  });
});
