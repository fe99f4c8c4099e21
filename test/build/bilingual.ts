/**
 * A bilingual content folder for build-output tests: Chinese first (at the
 * root), English beside it (under /en/), with one incident fully translated,
 * one ongoing with its newest update not translated yet, and one with no
 * translation at all. Built with now = FIXTURE_NOW (2025-02-10 00:00 UTC).
 */
import { DESIGN_EXAMPLE, SLA_YAML } from '../builders.ts';
import { CLAIM_TEMPLATE } from './fixture.ts';

export const BILINGUAL_SITE = `title: {zh-CN: 测试云状态, en: Test Cloud Status}
description: {zh-CN: 测试云的服务状态, en: Status of the test cloud}
url: https://status.test
timeZone: Asia/Shanghai
locale: zh-CN
languages: [en]
support:
  - label: {zh-CN: 服务热线, en: Hotline}
    href: tel:+86-400-555-0100
  - label: {zh-CN: 提交工单}
    href: https://support.test/tickets
`;

export const BILINGUAL_SERVICES = `- id: ecs
  name: {zh-CN: 云服务器 · 杭州, en: Elastic Compute · Hangzhou}
  group: {zh-CN: 计算, en: Compute}
  description: {zh-CN: 杭州地域的云服务器, en: Virtual machines in Hangzhou}
- id: oss
  name: {zh-CN: 对象存储}
  group: {zh-CN: 存储, en: Storage}
- id: cdn
  name: CDN
  group: {zh-CN: 网络, en: Network}
  sla: fixed
`;

/** The builders' policies with names in both languages, the standard one claimed by ticket within 30 days. */
export const BILINGUAL_SLA = SLA_YAML.replace('  name: Standard monthly SLA\n', `  name: {zh-CN: 标准月度 SLA, en: Standard monthly SLA}\n  claim:\n    how: ticket\n    url: ${CLAIM_TEMPLATE}\n    within: 30 days\n`)
  .replace('      name: Pro-rated refund\n', '      name: {zh-CN: 按比例退款, en: Pro-rated refund}\n')
  .replace('      name: Pro-rated refund plus service credit\n', '      name: {zh-CN: 按比例退款加服务抵扣, en: Pro-rated refund plus service credit}\n');

/** DESIGN_EXAMPLE's front matter: the figures every version of the power incident shares. */
const DESIGN_FIGURES = /^---\n[\s\S]*?\n---\n/.exec(DESIGN_EXAMPLE)![0];

/** Resolved, translated in full: 89 min major on ecs, 20 min partial on oss (6 weighted), as the one-language fixture's (DESIGN_EXAMPLE's figures, in Chinese). */
export const POWER = `${DESIGN_FIGURES.replace('title: Instances unreachable in Hangzhou zone H', 'title: 杭州可用区 H 实例不可达')}一个数据机房的供电线路故障，可用区 H 的实例不可达。

## 已解决 — 2025-01-18 03:45
供电已恢复，所有实例均可访问。

## 已确认 — 2025-01-18 02:40
一个数据机房的电源故障，正在切换备用线路。

## 调查中 — 2025-01-18 02:20
我们正在调查可用区 H 实例不可达的问题。

## 复盘
事件经过、原因以及改进措施。
- [x] 为 3 号机房增加第二路独立供电
- [ ] 每季度进行一次切换演练
`;

/** The English translation: DESIGN_EXAMPLE's words under a front matter with only the title. */
export const POWER_EN = `---\ntitle: Instances unreachable in Hangzhou zone H\n---\n${DESIGN_EXAMPLE.slice(DESIGN_FIGURES.length)}`;

/** Ongoing on the CDN since 2025-02-09 22:00 UTC; the English translation lacks the newest update. */
export const CDN = `---
title: 欧洲 CDN 错误
started: 2025-02-09T22:00Z
level: partial-outage
affected: [cdn]
---
## 已确认 — 2025-02-10 06:30
一个边缘节点故障。

## 调查中 — 2025-02-10 06:10
正在排查。
`;

export const CDN_EN = `---
title: CDN errors in Europe
---
## Investigating — 2025-02-10 06:10
Looking into it.
`;

/** Resolved, with no translation at all. */
export const CONSOLE = `---
title: 控制台加载缓慢
started: 2025-02-05 10:00
resolved: 2025-02-05 10:30
level: degraded-performance
affected: [ecs]
---
## 已解决 — 2025-02-05 10:30
已恢复。
`;

export const BILINGUAL_FILES = {
  'site.yaml': BILINGUAL_SITE,
  'services.yaml': BILINGUAL_SERVICES,
  'sla.yaml': BILINGUAL_SLA,
  'incidents/2025/2025-01-18-hangzhou-power.md': POWER,
  'incidents/2025/2025-01-18-hangzhou-power.en.md': POWER_EN,
  'incidents/2025/2025-02-10-cdn.md': CDN,
  'incidents/2025/2025-02-10-cdn.en.md': CDN_EN,
  'incidents/2025/2025-02-05-console.md': CONSOLE,
};
