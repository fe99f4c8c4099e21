/**
 * The dev server's answer while the content folder has mistakes: a page
 * listing every `path:line: what; fix` line, for any address, instead of the
 * last good page (the build stops at the same lines instead). It reloads
 * itself every two seconds, so the site comes back once the files are fixed.
 * Plain HTML, readable without JavaScript; no part of a built site.
 */
import { getEntry } from 'astro:content';
import { defineMiddleware } from 'astro:middleware';
import escapeHtml from 'escape-html';

/** The page that lists the content's problems. */
export function problemsPage(lines: readonly string[]): string {
  const items = lines.map((line) => `<li><code>${escapeHtml(line)}</code></li>`).join('\n');
  const title = `${lines.length} problem${lines.length === 1 ? '' : 's'} in the content`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="2"><title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1f24;background:#fff}h1{font-size:1.4rem;color:#cf222e}li{margin:.5rem 0}code{white-space:pre-wrap;word-break:break-word}</style></head>
<body><h1>${title}</h1><p>The site is not built while these are wrong. Fix each line and save: this page reloads by itself.</p><ul>
${items}
</ul></body>
</html>
`;
}

export const onRequest = defineMiddleware(async (_context, next) => {
  if (!import.meta.env.DEV) return next();
  const problems = await getEntry('problems', 'problems');
  if (!problems) return next();
  return new Response(problemsPage(problems.data.lines), { status: 500, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
});
