/**
 * A minimal Language Server Protocol client over stdio: JSON-RPC framing, requests with ids,
 * notifications, and answers to the server's own requests (configuration, registrations).
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  code?: string | number;
  source?: string;
  severity?: number;
}

type Handler = (params: unknown) => unknown;

export class LspClient {
  readonly #server: ChildProcessWithoutNullStreams;
  #buffer = Buffer.alloc(0);
  #nextId = 1;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  readonly #requestHandlers = new Map<string, Handler>();
  readonly #notificationListeners: ((method: string, params: unknown) => void)[] = [];
  readonly stderr: string[] = [];

  constructor(command: string, args: string[], cwd: string) {
    this.#server = spawn(command, args, { cwd, stdio: 'pipe' });
    this.#server.stdout.on('data', (chunk: Buffer) => this.#read(chunk));
    this.#server.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
  }

  /** Answer the server's requests of this method (e.g. `workspace/configuration`). */
  onRequest(method: string, handler: Handler): void {
    this.#requestHandlers.set(method, handler);
  }

  onNotification(listener: (method: string, params: unknown) => void): void {
    this.#notificationListeners.push(listener);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.#nextId++;
    this.#send({ jsonrpc: '2.0', id, method, params });
    return new Promise<T>((resolve, reject) => this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject }));
  }

  notify(method: string, params: unknown): void {
    this.#send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification of `method` whose params satisfy `accept`. */
  waitForNotification<T>(method: string, accept: (params: T) => boolean, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms; server stderr: ${this.stderr.join('')}`)), timeoutMs);
      this.onNotification((received, params) => {
        if (received === method && accept(params as T)) {
          clearTimeout(timer);
          resolve(params as T);
        }
      });
    });
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((resolve) => setTimeout(resolve, 2000))]);
      this.notify('exit', null);
    } finally {
      setTimeout(() => this.#server.kill(), 500).unref();
    }
  }

  #send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.#server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.#server.stdin.write(body);
  }

  #read(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.#buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.#buffer.length < headerEnd + 4 + length) return;
      const body = this.#buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.#buffer = this.#buffer.subarray(headerEnd + 4 + length);
      this.#dispatch(JSON.parse(body) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } });
    }
  }

  #dispatch(message: { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } }): void {
    if (message.method !== undefined && message.id !== undefined) {
      const handler = this.#requestHandlers.get(message.method);
      this.#send({ jsonrpc: '2.0', id: message.id, result: handler ? (handler(message.params) ?? null) : null });
    } else if (message.method !== undefined) {
      for (const listener of this.#notificationListeners) listener(message.method, message.params);
    } else if (message.id !== undefined) {
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.error) pending?.reject(new Error(message.error.message));
      else pending?.resolve(message.result);
    }
  }
}
