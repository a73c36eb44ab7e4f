import net from 'node:net';

/**
 * A TCP proxy for fault tests: app ⇄ proxy ⇄ PostgreSQL. `cut()` resets every open connection
 * and refuses new ones (a database that went away); `restore()` lets connections through again;
 * `retarget()` points new connections elsewhere (a promoted standby).
 */
export interface TcpProxy {
  port: number;
  cut(): void;
  restore(): void;
  retarget(port: number, host?: string): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  let target = { port: targetPort, host: targetHost };
  let open = true;
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  };
  const server = net.createServer((client) => {
    track(client);
    if (!open) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address() as net.AddressInfo;
  const cutAll = () => {
    for (const s of sockets) s.resetAndDestroy();
  };
  return {
    port: addr.port,
    cut() {
      open = false;
      cutAll();
    },
    restore() {
      open = true;
    },
    retarget(port, host = '127.0.0.1') {
      target = { port, host };
      cutAll();
    },
    async close() {
      cutAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
