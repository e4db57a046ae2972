import { ApolloServer } from '@apollo/server';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logging.js';
import { createHttpServer, takeInQueuedRequests } from './create-http-server.js';

/** A client in another process: on "go" it sends `n` requests, each on its own connection, and prints their outcomes. */
const CLIENT = String.raw`
const http = require('node:http');
const [port, n] = process.argv.slice(1).map(Number);
process.stdout.write('ready\n');
process.stdin.once('data', async () => {
  const one = () => new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
    req.on('error', (e) => resolve(e.code));
  });
  const results = await Promise.all(Array.from({ length: n }, one));
  process.stdout.write(JSON.stringify(results) + '\n');
});
`;

describe('takeInQueuedRequests', () => {
  const closers: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((c) => c()));
  });

  it('serves requests clients sent while the event loop was busy, when a drain begins at once after', async () => {
    const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });
    await apollo.start();
    const app = createHttpServer({ logger: createLogger({ logLevel: 'silent' }), graphql: { server: apollo, context: async () => ({}) }, readiness: [] });
    const url = new URL(await app.listen({ host: '127.0.0.1', port: 0 }));
    closers.push(() => app.close(), () => apollo.stop());

    const n = 5;
    const client = spawn(process.execPath, ['-e', CLIENT, url.port, String(n)], { stdio: ['pipe', 'pipe', 'inherit'] });
    closers.push(async () => client.kill());
    const lines: string[] = [];
    client.stdout.setEncoding('utf8').on('data', (chunk: string) => lines.push(...chunk.split('\n').filter(Boolean)));
    while (!lines.includes('ready')) await once(client.stdout, 'data');

    client.stdin.write('go\n');
    // Busy, as a loaded hub is: the client connects and sends meanwhile, and the kernel queues it all.
    const until = Date.now() + 300;
    while (Date.now() < until) {
      // spin
    }
    // What app.close() does on SIGTERM: take in what was sent, then drain.
    await takeInQueuedRequests(app);
    await app.close();

    while (lines.length < 2) await once(client.stdout, 'data');
    expect(JSON.parse(lines[1]!)).toEqual(Array.from({ length: n }, () => 200));
  });
});

describe('errors of the plain-HTTP routes', () => {
  it('answers a database outage with 503 SERVICE_UNAVAILABLE, and any other failure with a bare 500', async () => {
    const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });
    await apollo.start();
    const app = createHttpServer({
      logger: createLogger({ logLevel: 'silent' }),
      graphql: { server: apollo, context: async () => ({}) },
      readiness: [],
      routes: (scope) => {
        scope.get('/down', async () => {
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        });
        scope.get('/bug', async () => {
          throw new Error('select secret from somewhere failed at line 3');
        });
      },
    });
    try {
      const down = await app.inject({ method: 'GET', url: '/down' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE' } });
      expect(down.body).not.toContain('5432');
      const bug = await app.inject({ method: 'GET', url: '/bug' });
      expect(bug.statusCode).toBe(500);
      expect(bug.json()).toMatchObject({ error: { code: 'INTERNAL_SERVER_ERROR' } });
      expect(bug.body).not.toContain('secret');
    } finally {
      await app.close();
      await apollo.stop();
    }
  });
});
