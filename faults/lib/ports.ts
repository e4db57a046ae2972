import { createServer } from 'node:net';

/**
 * The first of `count` consecutive TCP ports free right now on 127.0.0.1
 * (`onewindow start --mode distributed` puts its subgraphs on the ports after
 * the gateway's). Another process may take one before it is used.
 */
export async function freePortBlock(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const first = 20_000 + Math.floor(Math.random() * 30_000);
    let free = true;
    for (let port = first; port < first + count && free; port += 1) free = await isFree(port);
    if (free) return first;
  }
  throw new Error(`no block of ${count} free ports found`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
