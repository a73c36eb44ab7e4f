import { createParser } from 'eventsource-parser';

export interface SseMessage {
  id: string | null;
  event: string;
  data: string;
}

/**
 * A Server-Sent Events reader over fetch, so it can send the device token in a header (EventSource
 * cannot). The event-stream format itself is parsed by `eventsource-parser` (the WHATWG rules:
 * multi-line data, CRLF, comments, retry). Reconnects after a drop with Last-Event-ID = the last id
 * seen, as EventSource does, so the server replays whatever was missed.
 */
export function openEventStream(
  url: string,
  opts: { headers?: Record<string, string>; lastEventId?: string | null; onMessage(m: SseMessage): void; onState?(connected: boolean): void },
): () => void {
  let lastId = opts.lastEventId ?? null;
  let stopped = false;
  let controller: AbortController | null = null;
  let retryMs = 2000;

  const parser = createParser({
    onEvent(e) {
      if (e.id) lastId = e.id;
      opts.onMessage({ id: e.id ?? null, event: e.event ?? 'message', data: e.data });
    },
    onRetry(ms) {
      retryMs = ms;
    },
  });

  const run = async () => {
    while (!stopped) {
      controller = new AbortController();
      parser.reset();
      try {
        const headers: Record<string, string> = { accept: 'text/event-stream', ...opts.headers };
        if (lastId) headers['last-event-id'] = lastId;
        const res = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        opts.onState?.(true);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.feed(value);
        }
      } catch {
        // dropped or refused: try again below
      }
      opts.onState?.(false);
      if (!stopped) await new Promise((r) => setTimeout(r, retryMs));
    }
  };
  void run();
  return () => {
    stopped = true;
    controller?.abort();
  };
}
