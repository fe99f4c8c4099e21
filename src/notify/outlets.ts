/**
 * A channel ready to send: its secrets read and checked, its writer chosen,
 * its transport (HTTP or SMTP) behind the same retry rule. nodemailer is
 * loaded only when an email channel sends.
 */
import type { Channel, EmailChannel, SecretRef } from './channels.ts';
import { printable } from '../contract/problems.ts';
import { EXCERPT_CHARACTERS, httpAttempt, withRetries, type Attempt, type Delivery, type RetryPolicy } from './deliver.ts';
import type { Notification } from './notification.ts';
import { addressProblem, secretValue, type Redactor } from './secrets.ts';
import { discordMessage } from './writers/discord.ts';
import { emailMessage } from './writers/email.ts';
import { slackMessage } from './writers/slack.ts';
import { teamsMessage } from './writers/teams.ts';
import { SIGNATURE_HEADER, webhookBody, webhookSignature } from './writers/webhook.ts';

const USER_AGENT = 'status-ledger-notify';

/** A channel whose secrets are in hand. */
export interface Outlet {
  channel: Channel;
  /** What `send` would send, readable, with every secret as its variable's name. */
  preview(notification: Notification): string;
  send(notification: Notification): Promise<Delivery>;
  /** Lets go of connections. */
  close(): void;
}

/** How an outlet tells of a retry: the detail, the wait, and which attempt comes next. */
export type RetryListener = (detail: string, waitMs: number, next: number) => void;

/**
 * Reads `channel`'s secrets from `env` (adding each to `redactor`) and
 * returns its outlet with the problems that stop it from sending: unset
 * variables by name, values that are not the kind of address needed. The
 * preview works whatever the problems; `send` must not be called with any.
 */
export function openOutlet(
  channel: Channel,
  env: Readonly<Record<string, string | undefined>>,
  redactor: Redactor,
  policy: RetryPolicy,
  onRetry: RetryListener,
): { outlet: Outlet; problems: string[] } {
  const { outlet, problems } = openRaw(channel, env, redactor, policy, (detail, waitMs, next) => onRetry(redactor.redactEchoed(detail), waitMs, next));
  return { outlet: { ...outlet, send: async (notification) => echoedAway(await outlet.send(notification), redactor) }, problems };
}

/**
 * A delivery whose detail (a receiver's answer, an SMTP server's reply, a
 * library's error) has every piece of a secret it may echo taken out.
 */
function echoedAway(delivery: Delivery, redactor: Redactor): Delivery {
  return { ...delivery, detail: redactor.redactEchoed(delivery.detail) };
}

function openRaw(
  channel: Channel,
  env: Readonly<Record<string, string | undefined>>,
  redactor: Redactor,
  policy: RetryPolicy,
  onRetry: RetryListener,
): { outlet: Outlet; problems: string[] } {
  const problems: string[] = [];
  const read = (ref: SecretRef, protocols?: readonly string[], credentials = false): string => {
    const secret = secretValue(ref, env);
    if ('problem' in secret) {
      problems.push(secret.problem);
      return '';
    }
    redactor.add(secret.value, ref.env);
    const wrong = protocols && addressProblem(ref, secret.value, protocols, credentials);
    if (wrong) problems.push(wrong);
    return secret.value;
  };
  if (channel.type === 'email') {
    return { outlet: emailOutlet(channel, read(channel.smtp, ['smtp:', 'smtps:'], true), policy, onRetry, (text) => redactor.redactEchoed(text)), problems };
  }
  const url = read(channel.url, ['https:', 'http:']);
  const signing = channel.type === 'webhook' ? channel.secret : null;
  const secret = signing ? read(signing) : undefined;

  const bodyOf = (notification: Notification): object =>
    channel.type === 'slack' ? slackMessage(notification)
    : channel.type === 'discord' ? discordMessage(notification)
    : channel.type === 'teams' ? teamsMessage(notification)
    : webhookBody(notification);
  const headersOf = (notification: Notification, body: string | undefined): Record<string, string> => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': USER_AGENT };
    if (channel.type === 'webhook') headers['Idempotency-Key'] = notification.id;
    if (signing) {
      headers[SIGNATURE_HEADER] = body !== undefined && secret !== undefined
        ? webhookSignature(body, secret, Math.floor(Date.now() / 1000))
        : `t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>" with $${signing.env}>`;
    }
    return headers;
  };
  const outlet: Outlet = {
    channel,
    preview(notification) {
      const headers = headersOf(notification, undefined);
      return [`POST $${channel.url.env}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), '', JSON.stringify(bodyOf(notification), null, 2)].join('\n');
    },
    send(notification) {
      const body = JSON.stringify(bodyOf(notification));
      // Signed afresh for every attempt, so a retry carries a current timestamp.
      // Before the answer is cut to an excerpt, so no secret is cut in half first.
      const redact = (text: string) => redactor.redactEchoed(text);
      return withRetries(() => httpAttempt(url, { method: 'POST', headers: headersOf(notification, body), body }, { timeoutMs: policy.timeoutMs, redact }), policy, onRetry);
    },
    close() {},
  };
  return { outlet, problems };
}

type Transport = { sendMail(message: object): Promise<{ accepted: unknown[]; rejected: unknown[] }>; close(): void };

function emailOutlet(channel: EmailChannel, smtp: string, policy: RetryPolicy, onRetry: RetryListener, redact: (text: string) => string): Outlet {
  let transport: Promise<Transport> | undefined;
  const open = () => {
    transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url: smtp,
        connectionTimeout: policy.timeoutMs,
        greetingTimeout: policy.timeoutMs,
        socketTimeout: policy.timeoutMs,
      } as object) as unknown as Transport,
    );
    return transport;
  };
  const messageOf = (notification: Notification) => ({
    from: channel.from,
    to: channel.to,
    ...emailMessage(notification, channel.unsubscribe),
  });
  return {
    channel,
    preview(notification) {
      const message = messageOf(notification);
      return [
        `SMTP $${channel.smtp.env}`,
        `From: ${message.from}`,
        `To: ${message.to.join(', ')}`,
        `Subject: ${message.subject}`,
        `Message-ID: ${message.messageId}`,
        `References: ${message.references}`,
        ...(message.list ? [`List-Unsubscribe: ${message.list.unsubscribe[0]!.map((address) => `<${address}>`).join(', ')}`] : []),
        '',
        message.text,
        '',
        '--- HTML part ---',
        message.html.trimEnd(),
      ].join('\n');
    },
    async send(notification) {
      let mailer: Transport;
      try {
        mailer = await open();
      } catch (error) {
        // A setting nodemailer cannot use (or nodemailer not loading): no retry changes it, and no message can go.
        const why = error instanceof Error ? error.message : String(error);
        return { ok: false, transient: true, attempts: 1, detail: `cannot set up SMTP from $${channel.smtp.env} (${why}); check its address and options` };
      }
      const message = messageOf(notification);
      return withRetries(async (): Promise<Attempt> => {
        try {
          const info = await mailer.sendMail(message);
          if (info.rejected.length > 0) {
            return { ok: false, retry: false, detail: `the server refused ${info.rejected.length} of ${message.to.length} recipients` };
          }
          return { ok: true, detail: `accepted for ${info.accepted.length} recipient${info.accepted.length === 1 ? '' : 's'}` };
        } catch (error) {
          return smtpProblem(error, redact);
        }
      }, policy, onRetry);
    },
    close() {
      // A transport that could not be created has nothing to close; its failure is reported by send.
      void transport?.then((mailer) => mailer.close(), () => {});
    },
  };
}

/**
 * An SMTP failure: 5xx replies and refused logins are final, the rest (4xx,
 * the network) worth a retry. What the server said is shown as a refusal's
 * body is: redacted, then one line of at most EXCERPT_CHARACTERS, its
 * control characters as `\uXXXX`.
 */
function smtpProblem(error: unknown, redact: (text: string) => string): Attempt {
  const failure = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const said = (text: string) => printable(redact(text.replace(/\s+/g, ' ').trim()), EXCERPT_CHARACTERS);
  const detail = failure.responseCode
    ? `SMTP ${said(failure.response ?? String(failure.responseCode))}`
    : `SMTP ${failure.code ?? 'error'}: ${said(failure.message ?? String(error))}`;
  const final = (failure.responseCode !== undefined && failure.responseCode >= 500) || failure.code === 'EAUTH' || failure.code === 'EENVELOPE';
  return { ok: false, retry: !final, detail };
}
