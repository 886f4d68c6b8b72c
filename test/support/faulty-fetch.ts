/**
 * A faulty network for Node tests: a real HTTP server on 127.0.0.1 that serves documents under the https URLs the
 * credentials name, and misbehaves on request (error statuses, dropped connections, silence, dripping or endless
 * bodies, wrong content types, redirects to plain http, redirect loops).
 *
 * `network.fetch` is what the core is given. It sends each request to the local server through Node's own fetch,
 * with the original URL in the path (https://badges.example.edu/a -> http://127.0.0.1:PORT/https/badges.example.edu/a),
 * follows redirects the way fetch does (up to 20, then "redirect count exceeded"), and hands back the real response
 * with `url` set to the URL it finally came from as the core must see it: after a redirect to
 * http://badges.example.edu/... the core sees a plain-http, non-loopback URL, exactly as with a real downgrade.
 * Aborting the request's signal aborts the real connection and its body stream.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAULTS = [
  'none',
  '404',
  '500',
  'connection error',
  'no answer',
  'slow drip',
  '50 MB, declared',
  '50 MB, chunked',
  'wrong type',
  'no type',
  'not JSON',
  'redirect to http',
  'redirect loop',
] as const;
export type Fault = (typeof FAULTS)[number];

const HUGE = 50 * 1024 * 1024;
const CHUNK = new Uint8Array(64 * 1024).fill(0x20);
const DRIP_INTERVAL_MS = 20;
const NOT_JSON = '<!doctype html><html><head><title>Sign in</title></head><body><p>Please sign in to continue.</p></body></html>';

interface Document {
  body: string;
  type: string;
}

export class FaultyNetwork {
  /** Every URL the server was asked for (as the core named it), in order. */
  readonly requests: string[] = [];
  readonly #documents = new Map<string, Document>();
  readonly #faults = new Map<string, Fault>();
  readonly #moved = new Map<string, string>();
  readonly #server: http.Server;
  readonly #timers = new Set<ReturnType<typeof setInterval>>();
  #origin = '';

  private constructor() {
    this.#server = http.createServer((req, res) => this.#handle(req, res));
    // Errors on dropped connections are the point of several faults; they must not crash the test process.
    this.#server.on('clientError', (_error, socket) => socket.destroy());
    this.#server.on('connection', (socket) => socket.on('error', () => undefined));
  }

  static async start(): Promise<FaultyNetwork> {
    const network = new FaultyNetwork();
    await new Promise<void>((resolve, reject) => {
      network.#server.once('error', reject);
      network.#server.listen(0, '127.0.0.1', () => resolve());
    });
    network.#origin = `http://127.0.0.1:${(network.#server.address() as AddressInfo).port}`;
    return network;
  }

  /** Serves `document` (JSON unless it is a string) at `url`, with the given content type. */
  serve(url: string, document: unknown, type = 'application/json'): void {
    this.#documents.set(url, { body: typeof document === 'string' ? document : JSON.stringify(document), type });
  }

  /** Makes `url` misbehave (or behave again, with 'none'). */
  fault(url: string, fault: Fault): void {
    if (fault === 'none') this.#faults.delete(url);
    else this.#faults.set(url, fault);
  }

  /** Answers `url` with a 301 to `to` (a move that is not a fault when `to` is https). */
  redirect(url: string, to: string): void {
    this.#moved.set(url, to);
  }

  clearFaults(): void {
    this.#faults.clear();
  }

  /** The fetch the core is given. */
  readonly fetch = (async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    let visible = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    for (let redirects = 0; ; redirects++) {
      if (visible.protocol !== 'https:' && visible.protocol !== 'http:') throw new TypeError('fetch failed', { cause: new Error(`unknown scheme ${visible.protocol}`) });
      const target = `${this.#origin}/${visible.protocol.slice(0, -1)}/${visible.host}${visible.pathname}${visible.search}`;
      const response = await fetch(target, { method: init.method ?? 'GET', headers: init.headers, signal: init.signal, redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location && init.redirect !== 'manual') {
        await response.body?.cancel();
        if (init.redirect === 'error') throw new TypeError('fetch failed', { cause: new Error('unexpected redirect') });
        if (redirects >= 20) throw new TypeError('fetch failed', { cause: new Error('redirect count exceeded') });
        visible = new URL(location, visible);
        continue;
      }
      Object.defineProperty(response, 'url', { value: visible.href.split('#', 1)[0] });
      Object.defineProperty(response, 'redirected', { value: redirects > 0 });
      return response;
    }
  }) as typeof fetch;

  async close(): Promise<void> {
    for (const timer of this.#timers) clearInterval(timer);
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.on('error', () => undefined);
    const match = /^\/(https?)\/([^/]+)(\/.*)?$/.exec(req.url ?? '');
    if (!match) {
      res.writeHead(400).end();
      return;
    }
    const url = `${match[1]}://${match[2]}${match[3] ?? '/'}`;
    this.requests.push(url);
    const moved = this.#moved.get(url);
    if (moved) {
      res.writeHead(301, { location: moved }).end();
      return;
    }
    const fault = this.#faults.get(url) ?? 'none';
    const document = this.#documents.get(url) ?? (match[1] === 'http' ? this.#documents.get(url.replace(/^http:/, 'https:')) : undefined);
    const notFound = (): void => {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>Not Found</title><h1>Not Found</h1>');
    };
    switch (fault) {
      case 'none':
        if (!document) return notFound();
        res.writeHead(200, { 'content-type': document.type }).end(document.body);
        return;
      case '404':
        return notFound();
      case '500':
        res.writeHead(500, { 'content-type': 'text/html' }).end('<!doctype html><title>Internal Server Error</title>');
        return;
      case 'connection error':
        // The server takes the connection and drops it without a word.
        req.socket.destroy();
        return;
      case 'no answer':
        // Nothing until the client gives up (or the server closes).
        return;
      case 'slow drip': {
        const body = Buffer.from(document?.body ?? '{}');
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.byteLength) });
        let at = 0;
        const timer = setInterval(() => {
          if (at >= body.length || res.destroyed) {
            clearInterval(timer);
            this.#timers.delete(timer);
            if (!res.destroyed) res.end();
            return;
          }
          res.write(body.subarray(at, ++at));
        }, DRIP_INTERVAL_MS);
        this.#timers.add(timer);
        res.on('close', () => {
          clearInterval(timer);
          this.#timers.delete(timer);
        });
        return;
      }
      case '50 MB, declared':
      case '50 MB, chunked': {
        res.writeHead(200, { 'content-type': 'application/json', ...(fault === '50 MB, declared' ? { 'content-length': String(HUGE) } : {}) });
        let sent = 0;
        const pump = () => {
          while (sent < HUGE && !res.destroyed) {
            sent += CHUNK.byteLength;
            if (!res.write(CHUNK)) return void res.once('drain', pump);
          }
          if (!res.destroyed) res.end();
        };
        pump();
        return;
      }
      case 'wrong type':
        if (!document) return notFound();
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(document.body);
        return;
      case 'no type':
        if (!document) return notFound();
        // Node's server adds no content type of its own.
        res.writeHead(200).end(document.body);
        return;
      case 'not JSON':
        res.writeHead(200, { 'content-type': 'application/json' }).end(NOT_JSON);
        return;
      case 'redirect to http':
        res.writeHead(302, { location: `http://${match[2]}${match[3] ?? '/'}` }).end();
        return;
      case 'redirect loop':
        res.writeHead(302, { location: url }).end();
        return;
    }
  }
}
