/**
 * Figures: what the e-licence pipeline costs on top of the RSA operation it
 * cannot avoid, one operation at a time (single-flight, no concurrency).
 *
 * - verify: `verifyLicenseToken` (size and typ peek, well-formedness, header
 *   rules, x5c chain to a trusted root, PS256 signature, strict claims,
 *   issuer authority from the trust store, validity window, status from an
 *   in-memory resolver, holder match) ÷ a raw `crypto.verify` (RSA-PSS,
 *   SHA-256, salt 32) of the same token's signing input with the same key.
 *   The raw side splits the token and base64url-decodes the signature: the
 *   least any verifier must do.
 * - issue: `buildLicensePayload` + `signLicenseToken` ÷ a raw `crypto.sign`
 *   of a signing input of the same size with the same key.
 * - single verify p99: latency of one pipeline verification, steady state.
 *
 * Run: npx tsx bench/verify-vs-crypto.ts   (BENCH_ROUNDS, BENCH_ROUND_MS)
 */
import { constants, sign, verify } from 'node:crypto';
import { TrustStore } from '../src/crypto/index.js';
import { authorityFromTrustStore } from '../src/licensing/issuer-authority.js';
import { buildLicensePayload, signLicenseToken } from '../src/licensing/license-token.js';
import { verifyLicenseToken, type VerifyLicenseOptions } from '../src/licensing/verify-license.js';
import { DEPT_CODE, fixedStatus, licenceClaims, makeLicensingPki, PERSON_ID, STATUS_REF, TYPE_CODE } from '../src/licensing/testing/licensing-fixture.js';
import { note } from './lib/env.js';
import { alternate, envNumber, median, pairedRatio, percentile, printFigure } from './lib/report.js';

/** Ops per second and per-op latencies (ms) of `op` run back to back for `ms`. */
interface Loop {
  readonly opsPerSec: number;
  readonly latencies: Float64Array;
}

async function loop(ms: number, op: () => unknown): Promise<Loop> {
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(ms * 1e6));
  let now = started;
  while (now < deadline) {
    const t0 = now;
    const r = op();
    if (r instanceof Promise) await r;
    now = process.hrtime.bigint();
    latencies.push(Number(now - t0) / 1e6);
  }
  return { opsPerSec: latencies.length / (Number(now - started) / 1e9), latencies: Float64Array.from(latencies) };
}

function all(loops: readonly Loop[]): Float64Array {
  const out = new Float64Array(loops.reduce((n, l) => n + l.latencies.length, 0));
  let i = 0;
  for (const l of loops) {
    out.set(l.latencies, i);
    i += l.latencies.length;
  }
  return out;
}

function fmt(loops: readonly Loop[]): string {
  const lat = all(loops);
  return `${median(loops.map((l) => l.opsPerSec)).toFixed(0)} ops/s (rounds: ${loops.map((l) => l.opsPerSec.toFixed(0)).join(', ')}), p50 ${(percentile(lat, 50) * 1000).toFixed(1)} µs, p99 ${(percentile(lat, 99) * 1000).toFixed(1)} µs`;
}

async function main(): Promise<void> {
  const rounds = envNumber('BENCH_ROUNDS', 5);
  const roundMs = envNumber('BENCH_ROUND_MS', 600);
  note('making a throwaway PKI (RSA-2048 department key under a hub root)');
  const pki = makeLicensingPki();
  const now = new Date();
  const claims = licenceClaims(now);
  const signer = pki.signer;
  const publicKey = pki.dept.certificate.publicKey;
  const privateKey = signer.privateKey;

  // The trust a hub or an offline window holds: its root and the vouched department certificate with the types it may sign.
  const trustStore = () => new TrustStore().addRoot(pki.root.certificate).addCertificate(pki.dept.certificate, { departmentCode: DEPT_CODE, licenseTypes: [TYPE_CODE] });
  const options = (trust: TrustStore): VerifyLicenseOptions => ({ trust, statuses: fixedStatus(now), authority: authorityFromTrustStore(trust), expectedHolder: PERSON_ID });

  const token = signLicenseToken('LICENSE', buildLicensePayload(claims, STATUS_REF, now), signer);
  const t0 = process.hrtime.bigint();
  const first = await verifyLicenseToken(token, options(trustStore()));
  const firstMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (first.verdict !== 'VALID') throw new Error(`the benchmark token does not verify: ${JSON.stringify(first.checks)}`);

  // Chain cache cold (a fresh trust store per call), header cache warm: what a trust-list update costs the next verification.
  const coldChain: number[] = [];
  for (let i = 0; i < 20; i += 1) {
    const opts = options(trustStore());
    const t = process.hrtime.bigint();
    await verifyLicenseToken(token, opts);
    coldChain.push(Number(process.hrtime.bigint() - t) / 1e6);
  }

  const steady = options(trustStore());
  const dot2 = token.lastIndexOf('.');
  const rawVerify = () => {
    const end = token.lastIndexOf('.');
    const ok = verify('sha256', Buffer.from(token.slice(0, end), 'latin1'), { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, Buffer.from(token.slice(end + 1), 'base64url'));
    if (!ok) throw new Error('raw verify failed');
  };
  const pipelineVerify = async () => {
    const r = await verifyLicenseToken(token, steady);
    if (r.verdict !== 'VALID') throw new Error(`verdict ${r.verdict}`);
  };
  const signingInput = Buffer.from(token.slice(0, dot2), 'latin1');
  const rawSign = () => sign('sha256', signingInput, { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  const pipelineIssue = () => signLicenseToken('LICENSE', buildLicensePayload(claims, STATUS_REF, new Date()), signer);

  note('warming up');
  for (const op of [rawVerify, pipelineVerify, rawSign, pipelineIssue, pipelineVerify]) await loop(800, op);

  note(`verify: ${rounds} alternating rounds of ${roundMs} ms`);
  const v = await alternate<Loop>([
    { name: 'pipeline', run: () => loop(roundMs, pipelineVerify) },
    { name: 'raw', run: () => loop(roundMs, rawVerify) },
  ], rounds);
  note(`issue: ${rounds} alternating rounds of ${roundMs} ms`);
  const s = await alternate<Loop>([
    { name: 'pipeline', run: () => loop(roundMs, pipelineIssue) },
    { name: 'raw', run: () => loop(roundMs, rawSign) },
  ], rounds);

  const vp = v.get('pipeline')!;
  const vr = v.get('raw')!;
  const sp = s.get('pipeline')!;
  const sr = s.get('raw')!;
  const verifyRatio = pairedRatio(vp.map((l) => l.opsPerSec), vr.map((l) => l.opsPerSec));
  const issueRatio = pairedRatio(sp.map((l) => l.opsPerSec), sr.map((l) => l.opsPerSec));
  const vLat = all(vp);
  const perOpUs = (a: readonly Loop[]) => 1e6 / median(a.map((l) => l.opsPerSec));

  printFigure({
    name: 'verify÷crypto.verify',
    ratio: verifyRatio,
    op: '>=',
    goal: 0.5,
    details: [
      ['verifyLicenseToken', fmt(vp)],
      ['raw crypto.verify', fmt(vr)],
      ['pipeline overhead per verification', `${(perOpUs(vp) - perOpUs(vr)).toFixed(1)} µs on top of ${perOpUs(vr).toFixed(1)} µs of RSA`],
      ['token', `license+jwt, ${token.length} bytes, x5c (department certificate), RSA-2048 PS256; status from memory; authority from the trust store`],
    ],
  });
  printFigure({
    name: 'issue÷crypto.sign',
    ratio: issueRatio,
    op: '>=',
    goal: 0.9,
    details: [
      ['buildLicensePayload + signLicenseToken', fmt(sp)],
      ['raw crypto.sign', fmt(sr)],
      ['pipeline overhead per issuance', `${(perOpUs(sp) - perOpUs(sr)).toFixed(1)} µs on top of ${perOpUs(sr).toFixed(1)} µs of RSA`],
    ],
  });
  printFigure({
    name: 'single-verify-p99',
    ratio: percentile(vLat, 99),
    op: '<=',
    goal: 2,
    unit: 'ms',
    details: [
      ['steady state', `p50 ${percentile(vLat, 50).toFixed(3)} ms, p99 ${percentile(vLat, 99).toFixed(3)} ms, p99.9 ${percentile(vLat, 99.9).toFixed(3)} ms, max ${percentile(vLat, 100).toFixed(3)} ms over ${vLat.length} verifications`],
      ['first verification in the process (cold JIT and caches)', `${firstMs.toFixed(2)} ms`],
      ['fresh trust store (chain cache cold)', `median ${median(coldChain).toFixed(3)} ms, max ${Math.max(...coldChain).toFixed(3)} ms over ${coldChain.length}`],
    ],
  });
}

await main();
