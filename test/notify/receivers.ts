/**
 * Real receivers for the notification tests: an HTTP server that records
 * every request and checks webhook signatures the way a receiver would, and
 * an SMTP server (smtp-server) that checks the login and keeps each message
 * parsed by mailparser. Both listen on 127.0.0.1, port 0.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** For a signed request: whether the signature is valid for the receiver's secret and fresh. */
  signature?: 'valid' | 'invalid' | 'missing';
  at: number;
  /** Bytes of answer body written to the client so far (a flood stops when the client stops reading). */
  answered: number;
}

/**
 * What a path answers, attempt by attempt (the last answer repeats).
 * `flood` follows `body` with that many bytes of `x`, written as fast as the
 * client reads them, then ends the answer, or with `hangUp` drops the
 * connection instead (a body stream that breaks).
 */
export type Answer = { status: number; headers?: Record<string, string>; body?: string; delayMs?: number; flood?: number; hangUp?: boolean };

/**
 * Verifies `X-Status-Ledger-Signature: t=…,v1=…` as a receiver would: HMAC
 * over `<t>.<raw body>`, compared in constant time, `t` within 5 minutes.
 */
export function verifySignature(header: string | undefined, body: string, secret: string, now = Date.now()): 'valid' | 'invalid' | 'missing' {
  if (!header) return 'missing';
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > 300 || !parts.v1) return 'invalid';
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'valid' : 'invalid';
}

export interface HttpReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Requests to one path. */
  at(path: string): ReceivedRequest[];
  /** Sets how `path` answers from now on, attempt by attempt. */
  answer(path: string, ...answers: Answer[]): void;
  close(): Promise<void>;
}

/** An HTTP receiver; `secret` is the webhook signing secret it checks signed requests against. */
export async function startHttpReceiver(secret: string): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = [];
  const answers = new Map<string, Answer[]>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = request.url ?? '/';
      const header = request.headers['x-status-ledger-signature'];
      const received: ReceivedRequest = {
        method: request.method ?? '',
        path,
        headers: request.headers,
        body,
        signature: header === undefined ? 'missing' : verifySignature(String(header), body, secret),
        at: Date.now(),
        answered: 0,
      };
      requests.push(received);
      const queue = answers.get(path) ?? [{ status: 200, body: 'ok' }];
      const answer = queue.length > 1 ? queue.shift()! : queue[0]!;
      setTimeout(() => {
        if (response.destroyed) return;
        response.writeHead(answer.status, answer.headers);
        if (answer.flood === undefined && !answer.hangUp) {
          received.answered += Buffer.byteLength(answer.body ?? '');
          response.end(answer.body ?? '');
          return;
        }
        void flood(response, answer, received);
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    at: (path) => requests.filter((request) => request.path === path),
    answer: (path, ...list) => answers.set(path, list),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes `answer.body`, then `answer.flood` bytes as fast as the client reads them; ends, or hangs up. */
async function flood(response: ServerResponse, answer: Answer, received: ReceivedRequest): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const write = (data: Buffer | string) => {
    received.answered += Buffer.byteLength(data);
    return response.write(data) ? Promise.resolve() : new Promise<void>((resolve) => {
      response.once('drain', resolve);
      response.once('close', resolve);
    });
  };
  await write(answer.body ?? '');
  for (let left = answer.flood ?? 0; left > 0 && !response.destroyed; left -= chunk.length) await write(left >= chunk.length ? chunk : chunk.subarray(0, left));
  if (response.destroyed) return;
  if (answer.hangUp) response.destroy();
  else response.end();
}

export interface SmtpReceiver {
  port: number;
  messages: { envelope: { from: string; to: string[] }; mail: ParsedMail; raw: string }[];
  close(): Promise<void>;
}

/** An SMTP server that accepts only `user`/`pass` and keeps each message, parsed. */
export async function startSmtpReceiver(user: string, pass: string): Promise<SmtpReceiver> {
  const messages: SmtpReceiver['messages'] = [];
  const server = new SMTPServer({
    secure: false,
    // No certificate to offer: plain SMTP on the loopback, with a login as a real relay asks for.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) callback(null, { user });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          },
          mail: await simpleParser(raw),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, messages, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
