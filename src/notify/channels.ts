/**
 * notify.yaml, resolved: where notifications go. Secrets are never in it,
 * only the names of the environment variables that hold them.
 */

import type { Locale } from '../core/types.ts';

/** A secret named in notify.yaml: the environment variable that holds it, and where it was named. */
export interface SecretRef {
  env: string;
  /** `path:line` of the field, for messages. */
  where: string;
}

export const CHANNEL_TYPES = ['slack', 'discord', 'teams', 'webhook', 'email'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

interface ChannelBase {
  id: string;
  /** The language its messages are in (notify.yaml `locale`); the site's first language when left out. */
  locale: Locale;
  /** Only updates of incidents affecting one of these services; `null` for every update. */
  services: string[] | null;
  /** `path:line` of the entry, for messages. */
  where: string;
}

/** Slack incoming webhook, Discord webhook, or Microsoft Teams workflow webhook. */
export interface ChatChannel extends ChannelBase {
  type: 'slack' | 'discord' | 'teams';
  url: SecretRef;
}

/** A JSON POST to any address, signed with HMAC-SHA256 when `secret` is set. */
export interface WebhookChannel extends ChannelBase {
  type: 'webhook';
  url: SecretRef;
  secret: SecretRef | null;
}

/** Email through SMTP. */
export interface EmailChannel extends ChannelBase {
  type: 'email';
  /** Addresses as written: `a@example.com` or `Name <a@example.com>`. */
  to: string[];
  from: string;
  /** `smtp://user:pass@host:port` or `smtps://…`. */
  smtp: SecretRef;
  /** `mailto:` and `https:` addresses for the `List-Unsubscribe` header; empty for none. */
  unsubscribe: string[];
}

export type Channel = ChatChannel | WebhookChannel | EmailChannel;

/** Whether a channel wants an update of an incident affecting `services`. */
export function channelWants(channel: Channel, services: readonly string[]): boolean {
  return channel.services === null || services.some((service) => channel.services!.includes(service));
}
