/**
 * Serves a built site on 127.0.0.1 for browser tests and screenshots, the way
 * a static host would (directory index, no rewrites).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface Served {
  url: string;
  close(): Promise<void>;
}

export async function serve(dir: string, port = 0): Promise<Served> {
  const handler = sirv(dir, { dev: false, etag: true });
  const server: Server = createServer((request, response) =>
    handler(request, response, () => {
      response.statusCode = 404;
      response.end('Not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
