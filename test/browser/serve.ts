/**
 * Serves a built site on 127.0.0.1 for browser tests and screenshots, the way
 * a static host would (directory index, no rewrites). Like Netlify and
 * Cloudflare Pages, it applies the site's `_headers` file, read with
 * Netlify's own parser, so a test that needs a header from it (a
 * cross-origin read of the API) proves the file works; `headers: false`
 * serves the site as a host that ignores the file.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseAllHeaders, type Header } from '@netlify/headers-parser';
import sirv from 'sirv';

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** The rules of `<dir>/_headers`; a file Netlify's parser finds fault with throws. */
export async function headerRules(dir: string): Promise<Header[]> {
  const file = path.join(dir, '_headers');
  if (!existsSync(file)) return [];
  const { headers, errors } = await parseAllHeaders({ headersFiles: [file], configHeaders: [], minimal: false });
  if (errors.length > 0) throw new Error(`${file}: ${errors.map((error) => error.message).join('; ')}`);
  return headers as Header[];
}

export async function serve(dir: string, port = 0, options: { headers?: boolean } = {}): Promise<Served> {
  const rules = options.headers === false ? [] : await headerRules(dir);
  const handler = sirv(dir, { dev: false, etag: true });
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    for (const rule of rules) {
      if (rule.forRegExp.test(pathname)) for (const [name, value] of Object.entries(rule.values)) response.setHeader(name, value);
    }
    handler(request, response, () => {
      response.statusCode = 404;
      response.end('Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
