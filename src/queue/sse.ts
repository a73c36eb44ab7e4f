import type { FastifyReply, FastifyRequest } from 'fastify';

/** One SSE message, serialised once and written to any number of streams. */
export function sseFrame(event: string, data: unknown, id?: number): string {
  return `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The same as bytes: a frame written to thousands of sockets is encoded once (a string would be
 * encoded to UTF-8 again on every write).
 */
export function sseFrameBytes(event: string, data: unknown, id?: number): Buffer {
  return Buffer.from(sseFrame(event, data, id));
}

export interface SseStream {
  send(event: string, data: unknown, id?: number): void;
  sendFrame(frame: string | Uint8Array): void;
  close(): void;
  readonly closed: boolean;
}

const HEARTBEAT_MS = 10_000;
const PING = Buffer.from(': ping\n\n');

/**
 * One timer for every open stream of the process (not one per stream): every HEARTBEAT_MS it writes a
 * comment to the streams that were sent nothing since the last tick, so no stream is silent for more
 * than twice that (proxies close idle connections after about 60 s). A stream that gets events pays
 * for no pings.
 */
/** Where a stream's bytes go: the socket, or the response when there is no real socket (app.inject). */
interface Sink {
  write(chunk: string | Uint8Array): unknown;
}

class Heartbeat {
  private readonly streams = new Map<Sink, { wrote: boolean }>();
  private timer: NodeJS.Timeout | undefined;

  add(sink: Sink): { wrote: boolean } {
    const mark = { wrote: false };
    this.streams.set(sink, mark);
    this.timer ??= setInterval(() => this.tick(), HEARTBEAT_MS).unref();
    return mark;
  }

  remove(sink: Sink): void {
    this.streams.delete(sink);
    if (this.streams.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private tick(): void {
    for (const [sink, mark] of this.streams) {
      if (!mark.wrote) sink.write(PING);
      mark.wrote = false;
    }
  }
}
const heartbeat = new Heartbeat();

/**
 * Turns a request into a Server-Sent Events stream written straight to the socket. onClose runs once
 * when either side ends it.
 *
 * The body is not chunk-encoded: it ends when the connection closes (the stream ends only then
 * anyway), so each event is one write of the frame's bytes to the socket, with no chunk header and
 * trailer around it and no pass through the response object; at 11,000 receivers per change that
 * per-write overhead was most of the fan-out's CPU (docs/benchmarks.md, issue 17).
 */
export function openSse(request: FastifyRequest, reply: FastifyReply, open: Set<SseStream>, onClose: () => void): SseStream {
  reply.hijack();
  const raw = reply.raw;
  raw.useChunkedEncodingByDefault = false;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'close',
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
  });
  raw.write('retry: 2000\n\n');
  // app.inject's mock socket cannot be written to; there the bytes go through the response.
  const socket = request.raw.socket as Partial<Sink> | null;
  const sink: Sink = typeof socket?.write === 'function' ? (socket as Sink) : raw;
  const mark = heartbeat.add(sink);
  let closed = false;
  const write = (frame: string | Uint8Array) => {
    mark.wrote = true;
    sink.write(frame);
  };
  const stream: SseStream = {
    get closed() {
      return closed;
    },
    send(event, data, id) {
      if (!closed) write(sseFrame(event, data, id));
    },
    sendFrame(frame) {
      if (!closed) write(frame);
    },
    close() {
      if (closed) return;
      finish();
      raw.end();
    },
  };
  const finish = () => {
    if (closed) return;
    closed = true;
    heartbeat.remove(sink);
    open.delete(stream);
    onClose();
  };
  request.raw.on('close', finish);
  open.add(stream);
  return stream;
}

/** Ends every stream of a registry (on shutdown, so the server can close). */
export function closeAllSse(open: Set<SseStream>): void {
  for (const s of [...open]) s.close();
}
