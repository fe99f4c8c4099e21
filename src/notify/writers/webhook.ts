/**
 * The generic JSON webhook: the notification's facts as JSON, signed with
 * HMAC-SHA256 over `<t>.<body>` when the channel has a secret, the scheme
 * Stripe and Slack use, so receivers can reject forged and replayed calls.
 */
import { createHmac } from 'node:crypto';
import type { Notification } from '../notification.ts';

/** The header that carries the signature. */
export const SIGNATURE_HEADER = 'X-Status-Ledger-Signature';

/** The JSON body of a webhook call for `notification`. */
export function webhookBody(notification: Notification) {
  const { id, site, incident, status, time, text, html, services, url } = notification;
  return {
    id,
    type: 'update',
    site,
    incident,
    status,
    time: new Date(time).toISOString(),
    text,
    html,
    services: services.map((service) => ({ id: service.id, name: service.name, level: service.level })),
    url,
  };
}

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. A receiver
 * recomputes v1 over the exact bytes it received and refuses an old `t`.
 */
export function webhookSignature(body: string, secret: string, unixSeconds: number): string {
  const digest = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${digest}`;
}
