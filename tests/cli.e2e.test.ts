import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '../src/seed/catalogue.js';
import { postGraphql } from './fixtures/hub.js';

const BIN = path.resolve(import.meta.dirname, '../bin/onewindow.js');

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('onewindow CLI', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'onewindow-cli-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  describe('token', () => {
    it('mints a development token', () => {
      const { code, stdout } = run(['token', '--role', 'OPERATOR', '--department', DEPARTMENTS.bjAmr.code], { ONEWINDOW_DATA_DIR: dataDir, NODE_ENV: 'development' });
      expect(code).toBe(0);
      expect(stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    });

    it('refuses to mint when NODE_ENV=production', () => {
      const { code, stdout, stderr } = run(['token'], { ONEWINDOW_DATA_DIR: dataDir, NODE_ENV: 'production', AUTH_PUBLIC_KEY_PATH: path.join(dataDir, 'keys/auth-public.jwk.json') });
      expect(code).not.toBe(0);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/production/);
    });

    it('names the bad option', () => {
      const { code, stderr } = run(['token', '--role', 'CITIZEN', '--subject', '110105194912310021'], { ONEWINDOW_DATA_DIR: dataDir });
      expect(code).toBe(2);
      expect(stderr).toMatch(/check character/i);
    });
  });

  describe('compose --check', () => {
    it('passes on the committed supergraph', () => {
      const { code, stdout } = run(['compose', '--check']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/up to date/);
    });
  });

  describe('start', () => {
    it('starts the hub with demo data, prints a token and a sample query that work, and stops on SIGTERM', async () => {
      const child = spawn(process.execPath, [BIN, 'start'], {
        env: { ...process.env, NODE_ENV: 'development', ONEWINDOW_DATA_DIR: path.join(dataDir, 'start'), CERTS_DIR: path.join(dataDir, 'certs'), PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const deadline = Date.now() + 90_000;
      while (!/export TOKEN=/.test(out) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
      const url = /GraphQL endpoint\s+(http:\/\/\S+)\/graphql/.exec(out)?.[1];
      const token = /export TOKEN=(\S+)/.exec(out)?.[1];
      const query = /-d '(\{.*\})'/.exec(out)?.[1];
      expect(url && token && query, `exit ${child.exitCode}; stderr:\n${err}`).toBeTruthy();
      const res = await postGraphql<{ person: { name: string; licenses: unknown[]; representedEntities: unknown[] } }>(url!, JSON.parse(query!).query, {}, token!);
      expect(res.errors).toBeUndefined();
      expect(res.data?.person.licenses.length).toBeGreaterThan(0);
      expect(res.data?.person.representedEntities.length).toBeGreaterThan(0);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }, 120_000);
  });
});
