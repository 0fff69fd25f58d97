import net from 'node:net';

// A TCP proxy in front of a real server that cuts every connection once a number of bytes has crossed
// it in one direction (a network that fails half-way through a transfer), and refuses new ones until
// it is healed. Nothing is faked above TCP: the client and the server see a real broken connection.

export interface CuttingProxy {
  url: string;
  /** Cut once `bytes` more have gone client → server ('up') or server → client ('down'). */
  cutAfter(bytes: number, direction: 'up' | 'down'): void;
  heal(): void;
  readonly cut: boolean;
  close(): Promise<void>;
}

export async function cuttingProxy(target: string): Promise<CuttingProxy> {
  const t = new URL(target);
  const sockets = new Set<net.Socket>();
  let budget: { left: number; direction: 'up' | 'down' } | null = null;
  let cut = false;
  const spend = (n: number, direction: 'up' | 'down') => {
    if (!budget || budget.direction !== direction) return;
    budget.left -= n;
    if (budget.left <= 0) {
      cut = true;
      budget = null;
      for (const s of sockets) s.destroy();
    }
  };
  const server = net.createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(t.port), t.hostname);
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('data', (d: Buffer) => {
      spend(d.length, 'up');
      if (!cut) upstream.write(d);
    });
    upstream.on('data', (d: Buffer) => {
      spend(d.length, 'down');
      if (!cut) client.write(d);
    });
    client.on('close', drop).on('error', drop);
    upstream.on('close', drop).on('error', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    cutAfter(bytes, direction) {
      budget = { left: bytes, direction };
    },
    heal() {
      cut = false;
      budget = null;
    },
    get cut() {
      return cut;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
