/**
 * One load-generator process of bench/queue-fanout.ts: holds its share of the SSE streams on plain
 * sockets (no HTTP client parser: a request line, then the frames are found by their blank line) and
 * stamps each `call` (board) and `status` (phone) frame with the machine's clock, so the parent can
 * compare arrivals across processes. Several of these run side by side, so the generator's own CPU
 * is spread over processes and measured apart from the server's.
 *
 * Messages from the parent: { type: 'start', host, port, boards: [{ path, auth }], phones: [path] },
 * { type: 'round', t0 } (a call-next is about to be sent), { type: 'report' }, { type: 'stop' }.
 */
import net from 'node:net';

interface Start {
  type: 'start';
  host: string;
  port: number;
  boards: { path: string; auth: string }[];
  phones: string[];
  /** How many workers share the streams: each connects its share of the parent's old batch sizes. */
  workers: number;
}
type Message = Start | { type: 'round'; t0: number } | { type: 'report' } | { type: 'stop' };

const now = () => performance.timeOrigin + performance.now();
const sockets: net.Socket[] = [];
/** Per board: arrival times of its `call` frames; per phone: of its `status` frames. */
let boardCalls: number[][] = [];
let phoneStatuses: number[][] = [];
let roundT0 = Infinity;
let callsThisRound = 0;
let phonesThisRound = 0;
let dirty = false;

function progress(): void {
  if (dirty) return;
  dirty = true;
  setTimeout(() => {
    dirty = false;
    process.send!({ type: 'progress', calls: callsThisRound, phones: phonesThisRound });
  }, 2);
}

function open(host: string, port: number, path: string, headers: string, onFrame: (frame: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host, port });
    s.setNoDelay(true);
    let head = true;
    let buf = '';
    s.setEncoding('utf8');
    s.on('connect', () => s.write(`GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nAccept: text/event-stream\r\n${headers}\r\n`));
    s.on('data', (chunk: string) => {
      buf += chunk;
      if (head) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const status = buf.slice(9, 12);
        if (status !== '200') return reject(new Error(`${path}: ${status}`));
        head = false;
        buf = buf.slice(end + 4);
        resolve();
      }
      let cut;
      while ((cut = buf.indexOf('\n\n')) >= 0) {
        onFrame(buf.slice(0, cut));
        buf = buf.slice(cut + 2);
      }
    });
    s.on('error', reject);
    // Closed before an answer (refused, or a limit hit): fail loudly instead of waiting forever.
    s.on('close', () => head && reject(new Error(`${path}: closed before the response`)));
    sockets.push(s);
  });
}

async function start(m: Start): Promise<void> {
  boardCalls = m.boards.map(() => []);
  phoneStatuses = m.phones.map(() => []);
  const pending: Promise<void>[] = [];
  for (const [i, b] of m.boards.entries()) {
    pending.push(
      open(m.host, m.port, b.path, `Authorization: ${b.auth}\r\n`, (frame) => {
        if (!frame.includes('event: call')) return;
        const t = now();
        boardCalls[i]!.push(t);
        if (t >= roundT0) callsThisRound++;
        progress();
      }),
    );
    if (pending.length >= Math.ceil(200 / m.workers)) await Promise.all(pending.splice(0));
  }
  for (const [i, p] of m.phones.entries()) {
    pending.push(
      open(m.host, m.port, p, '', (frame) => {
        if (!frame.startsWith('event: status') && !frame.includes('\nevent: status')) return;
        const list = phoneStatuses[i]!;
        const t = now();
        if (t >= roundT0 && !(list.length && list.at(-1)! >= roundT0)) phonesThisRound++;
        list.push(t);
        progress();
      }),
    );
    if (pending.length >= Math.ceil(50 / m.workers)) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
}

process.on('message', (m: Message) => {
  if (m.type === 'start') {
    start(m).then(
      () => process.send!({ type: 'started' }),
      (err: unknown) => process.send!({ type: 'failed', error: String(err) }),
    );
  } else if (m.type === 'round') {
    // Frames that arrived before this message but after t0 count for the round too.
    roundT0 = m.t0;
    callsThisRound = boardCalls.reduce((n, l) => n + l.filter((t) => t >= m.t0).length, 0);
    phonesThisRound = phoneStatuses.filter((l) => l.length && l.at(-1)! >= m.t0).length;
    progress();
  } else if (m.type === 'report') {
    process.send!({ type: 'report', boardCalls, phoneStatuses });
  } else {
    for (const s of sockets) s.destroy();
    process.exit(0);
  }
});
