import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { builtSite } from './build-site.ts';
import { runEmbed } from '../outputs/parsers.ts';

const build = builtSite(inject('builds').zh!.outDir);

describe('a site with locale: zh-CN', () => {
  it('speaks Chinese on every page type, with the page language set', () => {
    const home = build.read('index.html');
    expect(parse(home).querySelector('html')?.getAttribute('lang')).toBe('zh-CN');
    expect(home).toContain('部分中断');
    expect(home).toContain('正在发生');
    expect(home).toContain('计划维护');
    const incident = build.read('incidents/2025-01-18-hangzhou-power/index.html');
    expect(incident).toContain('可用率影响与赔付');
    expect(incident).toContain('1 小时 29 分钟');
    expect(incident).toContain('已解决');
    expect(build.read('sla/index.html')).toContain('当月可获赔付');
    expect(build.read('history/index.html')).toContain('2025年2月');
    expect(build.read('services/oss/index.html')).toContain('SLA 月报');
  });

  it('leaves no English interface words on its pages', () => {
    for (const page of ['index.html', 'incidents/2025-01-18-hangzhou-power/index.html', 'services/oss/index.html', 'sla/index.html', 'history/index.html', '404.html']) {
      const text = parse(build.read(page)).querySelector('body')!.textContent;
      for (const english of ['Happening now', 'Recently resolved', 'Page built', 'Incident history', 'Availability', 'Provisional', 'Skip to content', 'Services']) {
        expect(text, `${page}: ${english}`).not.toContain(english);
      }
    }
  });

  it('writes feeds, badges, the calendar and the embed in Chinese', () => {
    expect(build.read('rss.xml')).toContain('<title>已确认: CDN errors in Europe</title>');
    expect(build.read('badges/overall.svg')).toContain('<title>状态: 部分中断</title>');
    expect(build.read('maintenance.ics')).toContain('SUMMARY:维护：Storage upgrade');
    // The embed writes every non-ASCII character as \uXXXX (it runs on pages of any charset): read what it shows.
    expect(runEmbed(build.read('embed.js'))).toContain(': 部分中断');
  });
});
