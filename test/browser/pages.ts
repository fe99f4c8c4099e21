/** One page of each type in the sample site, for every browser test. */
export const PAGE_TYPES: Record<string, string> = {
  home: '/',
  incident: '/incidents/2026-06-23-hangzhou-zone-h-power-outage/',
  ongoing: '/incidents/2026-11-26-oss-hangzhou-upload-failures/',
  maintenance: '/incidents/2026-04-07-mysql-storage-maintenance-overrun/',
  notice: '/incidents/2026-10-08-tls-legacy-deprecation/',
  chinese: '/incidents/2026-06-12-oss-shanghai-latency/',
  service: '/services/ecs-hangzhou/',
  'service without SLA': '/services/console/',
  history: '/history/',
  'history month': '/history/2026-06/',
  sla: '/sla/',
  'not found': '/404.html',
};

/**
 * Each page type in each of the sample's languages: Chinese at the root and
 * English under /en/ (the one 404 page is at the root only).
 */
export const PAGES_IN_EVERY_LANGUAGE: [string, string][] = Object.entries(PAGE_TYPES).flatMap(([name, path]): [string, string][] =>
  path === '/404.html' ? [[name, path]] : [[`${name} (zh-CN)`, path], [`${name} (en)`, `/en${path}`]],
);
