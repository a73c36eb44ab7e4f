export interface SseMessage {
  id?: string;
  event: string;
  data: any;
}

/**
 * Reads an SSE stream with fetch (as the web pages do) and collects its messages (`data` parsed as
 * JSON). `ready` resolves to the answer's status once the headers are in; `close` aborts the stream.
 */
export function readSse(url: string, headers: Record<string, string>) {
  const messages: SseMessage[] = [];
  const controller = new AbortController();
  let ended = false;
  const ready = (async () => {
    const res = await fetch(url, { headers, signal: controller.signal });
    if (!res.ok) return res.status;
    void (async () => {
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let buf = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buf += decoder.decode(value, { stream: true });
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            const m: Partial<SseMessage> = {};
            for (const line of block.split('\n')) {
              if (line.startsWith('id: ')) m.id = line.slice(4);
              else if (line.startsWith('event: ')) m.event = line.slice(7);
              else if (line.startsWith('data: ')) m.data = JSON.parse(line.slice(6));
            }
            if (m.event) messages.push(m as SseMessage);
          }
        }
      } catch {
        // aborted
      } finally {
        ended = true;
      }
    })();
    return res.status;
  })();
  return {
    messages,
    ready,
    get ended() {
      return ended;
    },
    close: () => controller.abort(),
  };
}

/** Waits for a condition, polling; the deadline is generous so a busy machine does not fail it. */
export async function until(fn: () => boolean | Promise<boolean>, ms = 30_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
