/**
 * WebSub: when updates are published, tell the site's hub which feeds
 * changed (`hub.mode=publish`), so subscribers hear within seconds instead of
 * at their next poll.
 */
import { atomUrl, rssUrl } from '../outputs/links.ts';
import type { Site } from '../core/types.ts';
import { httpAttempt, withRetries, type Delivery, type RetryPolicy } from './deliver.ts';
import type { RetryListener } from './outlets.ts';

/**
 * The feeds new updates change: the site's, and each affected service's, in
 * that order; each as RSS and as Atom, since each names the hub and is its
 * own topic.
 */
export function changedFeeds(site: Site, services: Iterable<string>): string[] {
  const both = (service?: string) => [rssUrl(site, service), atomUrl(site, service)];
  return [...both(), ...[...new Set(services)].sort().flatMap(both)];
}

/** The form body of a publish ping for one feed. */
export function publishBody(topic: string): string {
  return new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString();
}

/** Pings `hub` for each of `topics`, one request each (not every hub takes several at once). */
export async function pingHub(hub: string, topics: readonly string[], policy: RetryPolicy, onRetry: RetryListener): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  for (const topic of topics) {
    const init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: publishBody(topic) };
    deliveries.push(await withRetries(() => httpAttempt(hub, init, { timeoutMs: policy.timeoutMs }), policy, onRetry));
  }
  return deliveries;
}
