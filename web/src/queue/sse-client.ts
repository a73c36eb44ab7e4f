export interface SseMessage {
  id: string | null;
  event: string;
  data: string;
}

/**
 * A Server-Sent Events reader over fetch, so it can send the device token in a header (EventSource
 * cannot). Reconnects after a drop with Last-Event-ID = the last id seen, as EventSource does, so
 * the server replays whatever was missed.
 */
export function openEventStream(
  url: string,
  opts: { headers?: Record<string, string>; lastEventId?: string | null; onMessage(m: SseMessage): void; onState?(connected: boolean): void },
): () => void {
  let lastId = opts.lastEventId ?? null;
  let stopped = false;
  let controller: AbortController | null = null;
  let retryMs = 2000;

  const run = async () => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const headers: Record<string, string> = { accept: 'text/event-stream', ...opts.headers };
        if (lastId) headers['last-event-id'] = lastId;
        const res = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        opts.onState?.(true);
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        let buf = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += decoder.decode(value, { stream: true });
          let cut: number;
          while ((cut = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, cut);
            buf = buf.slice(cut + 2);
            let id: string | null = null;
            let event = 'message';
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('id:')) id = line.slice(3).trim();
              else if (line.startsWith('event:')) event = line.slice(6).trim();
              else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
              else if (line.startsWith('retry:')) retryMs = Number(line.slice(6)) || retryMs;
            }
            if (id) lastId = id;
            if (data.length) opts.onMessage({ id, event, data: data.join('\n') });
          }
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
