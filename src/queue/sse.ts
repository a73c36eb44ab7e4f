import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SseStream {
  send(event: string, data: unknown, id?: number): void;
  close(): void;
  readonly closed: boolean;
}

/**
 * Turns a request into a Server-Sent Events stream written straight to the socket; a comment every
 * 15 s keeps proxies from closing it. onClose runs once when either side ends it.
 */
export function openSse(request: FastifyRequest, reply: FastifyReply, open: Set<SseStream>, onClose: () => void): SseStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': String(request.id),
  });
  raw.write('retry: 2000\n\n');
  let closed = false;
  const heartbeat = setInterval(() => raw.write(': ping\n\n'), 15_000);
  const stream: SseStream = {
    get closed() {
      return closed;
    },
    send(event, data, id) {
      if (closed) return;
      raw.write(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
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
    clearInterval(heartbeat);
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
