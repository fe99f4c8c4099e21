/**
 * JSON Schemas of Atlassian Statuspage's public API v2, one per file, written
 * from Statuspage's own documentation of `/api/v2/*.json` and the responses
 * real Statuspage pages serve (field names, nesting, enum values, which
 * fields may be null), not from our writer. Strict: a field Statuspage does
 * not have, or one missing, fails. Formats are checked (RFC 3339 date-times
 * with an offset, absolute URIs) by ajv-formats.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const string = { type: 'string' };
const id = { type: 'string', minLength: 1 };
const dateTime = { type: 'string', format: 'date-time' };
const nullableDateTime = { anyOf: [dateTime, { type: 'null' }] };

/** The top-level statuses Statuspage documents ("Top-level status and incident impact calculations"). */
export const STATUSPAGE_DESCRIPTIONS = [
  'All Systems Operational',
  'Major System Outage',
  'Partial System Outage',
  'Minor Service Outage',
  'Degraded System Service',
  'Partially Degraded Service',
  'Service Under Maintenance',
];

const page = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'url', 'time_zone', 'updated_at'],
  properties: { id, name: string, url: { type: 'string', format: 'uri' }, time_zone: string, updated_at: dateTime },
};

const status = {
  type: 'object',
  additionalProperties: false,
  required: ['indicator', 'description'],
  properties: {
    indicator: { enum: ['none', 'minor', 'major', 'critical', 'maintenance'] },
    description: { enum: STATUSPAGE_DESCRIPTIONS },
  },
};

const componentFields = {
  id,
  name: string,
  status: { enum: ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] },
  created_at: dateTime,
  updated_at: dateTime,
  position: { type: 'integer', minimum: 1 },
  description: { type: ['string', 'null'] },
  showcase: { type: 'boolean' },
  start_date: { anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] },
  group_id: { type: ['string', 'null'] },
  page_id: id,
  group: { type: 'boolean' },
  only_show_if_degraded: { type: 'boolean' },
};
const componentRequired = Object.keys(componentFields);

/** A component: a group has `components` (its members' ids) and no `group_id`; any other has no `components`. */
const component = {
  type: 'object',
  additionalProperties: false,
  required: componentRequired,
  properties: { ...componentFields, components: { type: 'array', items: id } },
  if: { properties: { group: { const: true } } },
  then: { required: ['components'], properties: { group_id: { type: 'null' } } },
  else: { not: { required: ['components'] } },
};

/** A component as an incident lists it: never a group. */
const affectedComponent = {
  type: 'object',
  additionalProperties: false,
  required: componentRequired,
  properties: { ...componentFields, group: { const: false } },
};

const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem'];
const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'];

const incidentUpdate = (statuses: string[]) => ({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'status', 'body', 'incident_id', 'created_at', 'updated_at', 'display_at', 'affected_components', 'deliver_notifications', 'custom_tweet', 'tweet_id'],
  properties: {
    id,
    status: { enum: statuses },
    body: string,
    incident_id: id,
    created_at: dateTime,
    updated_at: dateTime,
    display_at: dateTime,
    affected_components: {
      anyOf: [
        { type: 'null' },
        {
          type: 'array',
          items: {
            type: 'object',
            required: ['code', 'name', 'old_status', 'new_status'],
            properties: { code: id, name: string, old_status: string, new_status: string },
          },
        },
      ],
    },
    deliver_notifications: { type: 'boolean' },
    custom_tweet: { type: ['string', 'null'] },
    tweet_id: { type: ['string', 'null'] },
  },
});

const incidentFields = (statuses: string[], impacts: string[]) => ({
  id,
  name: string,
  status: { enum: statuses },
  created_at: dateTime,
  updated_at: dateTime,
  monitoring_at: nullableDateTime,
  resolved_at: nullableDateTime,
  impact: { enum: impacts },
  shortlink: { type: 'string', format: 'uri' },
  started_at: dateTime,
  page_id: id,
  incident_updates: { type: 'array', items: incidentUpdate(statuses) },
  components: { type: 'array', items: affectedComponent },
  postmortem_body: { type: ['string', 'null'] },
});
const incidentRequired = Object.keys(incidentFields([], []));

/** An incident (`incidents`): `statuses` narrows the status for lists of unresolved ones. */
const incident = (statuses = INCIDENT_STATUSES) => ({
  type: 'object',
  additionalProperties: false,
  required: incidentRequired,
  properties: incidentFields(statuses, ['none', 'minor', 'major', 'critical']),
});

/** A scheduled maintenance: an incident with impact `maintenance`, its own statuses and its announced window. */
const maintenance = (statuses = MAINTENANCE_STATUSES) => ({
  type: 'object',
  additionalProperties: false,
  required: [...incidentRequired, 'scheduled_for', 'scheduled_until'],
  properties: {
    ...incidentFields(statuses, ['maintenance']),
    incident_updates: { type: 'array', items: incidentUpdate(MAINTENANCE_STATUSES) },
    scheduled_for: dateTime,
    scheduled_until: dateTime,
  },
});

const file = (properties: Record<string, unknown>) => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties),
  properties,
});

const UNRESOLVED = ['investigating', 'identified', 'monitoring'];

/** Each file under `/api/v2/`, by its path there, and its schema. */
export const STATUSPAGE_SCHEMAS: Record<string, object> = {
  'summary.json': file({
    page,
    components: { type: 'array', items: component },
    incidents: { type: 'array', items: incident(UNRESOLVED) },
    scheduled_maintenances: { type: 'array', items: maintenance(['scheduled', 'in_progress', 'verifying']) },
    status,
  }),
  'status.json': file({ page, status }),
  'components.json': file({ page, components: { type: 'array', items: component } }),
  'incidents.json': file({ page, incidents: { type: 'array', maxItems: 50, items: incident() } }),
  'incidents/unresolved.json': file({ page, incidents: { type: 'array', items: incident(UNRESOLVED) } }),
  'scheduled-maintenances.json': file({ page, scheduled_maintenances: { type: 'array', maxItems: 50, items: maintenance() } }),
  'scheduled-maintenances/upcoming.json': file({ page, scheduled_maintenances: { type: 'array', items: maintenance(['scheduled']) } }),
  'scheduled-maintenances/active.json': file({ page, scheduled_maintenances: { type: 'array', items: maintenance(['in_progress', 'verifying']) } }),
};

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats.default(ajv);

/** A compiled validator per file. */
export const statuspageValidators: Record<string, ValidateFunction> = Object.fromEntries(
  Object.entries(STATUSPAGE_SCHEMAS).map(([name, schema]) => [name, ajv.compile(schema)]),
);

/** What is wrong with `data` as the file `name`, one line per error; empty when it fits. */
export function schemaErrors(name: string, data: unknown): string[] {
  const validate = statuspageValidators[name]!;
  return validate(data) ? [] : (validate.errors ?? []).map((error) => `${name}${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`);
}
