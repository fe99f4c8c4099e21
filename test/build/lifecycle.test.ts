import { describe, expect, inject, it } from 'vitest';
import { LIFECYCLE } from '../editor/lifecycle.ts';
import { builtSite } from './build-site.ts';

const site = builtSite(inject('builds').lifecycle!.outDir);

describe('a site made with npm run init and the editor commands alone', () => {
  it('builds a page for every incident, with the outage, its postmortem, the notice and the completed maintenance', () => {
    const api = site.json('api/v1/incidents.json');
    const ids = api.incidents.map((incident: { id: string }) => incident.id);
    expect(ids).toEqual(expect.arrayContaining([LIFECYCLE.outage, LIFECYCLE.maintenance, LIFECYCLE.notice, '2025-01-29-example-api-errors']));
    expect(ids).toHaveLength(4);
    for (const id of ids) expect(site.read(`incidents/${id}/index.html`)).toContain('<html');
    const outage = site.read(`incidents/${LIFECYCLE.outage}/index.html`);
    expect(outage).toContain('API errors in Frankfurt');
    expect(outage).toContain('Deploy routing changes one zone at a time');
    const maintenance = api.incidents.find((incident: { id: string }) => incident.id === LIFECYCLE.maintenance);
    expect(maintenance).toMatchObject({ kind: 'maintenance', cause: 'maintenance', resolved: '2025-02-08T01:30:00.000Z' });
  });
});
