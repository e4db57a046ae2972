import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  createCertificateAuthority,
  createDepartmentCertificate,
  createJwsSigner,
  parseCertificate,
  type Certificate,
  type JwsSigner,
} from '../crypto/index.js';
import { organCode } from '../seed/catalogue.js';

/**
 * The hub's signing material, read from `certsDir` (layout in certs/README.md):
 *
 * - `hub-root.pem` / `hub-root.key`: this hub's root CA;
 * - `hub-signer.pem` / `.key`: the certificate that signs the published trust list;
 * - `departments/<credit code>.pem` / `.key`: each department's issuing certificate.
 *
 * Limitation: keys are files. Production keeps them in an HSM or a signing
 * service; the {@link Keyring} interface is what would change, not its callers.
 */
export interface Keyring {
  readonly root: Certificate;
  readonly rootPem: string;
  /** Signs the hub's trust list; chains to the root. */
  readonly trustListSigner: JwsSigner;
  /** Department credit code → its signing material. */
  readonly departments: ReadonlyMap<string, DepartmentKey>;
}

/** One department's issuing certificate and signer. */
export interface DepartmentKey {
  readonly code: string;
  readonly certificate: Certificate;
  readonly signer: JwsSigner;
}

/** The pseudo-department the trust-list signer certificate names (the hub operator). */
export const HUB_OPERATOR = { code: organCode('110000', '00000099H'), name: 'OneWindow 数据共享枢纽' } as const;

const ROOT = 'hub-root';
const SIGNER = 'hub-signer';

async function exists(file: string): Promise<boolean> {
  return readFile(file).then(() => true, () => false);
}

/** Writes a file atomically (temp + rename) with the given mode. */
async function writeAtomic(file: string, content: string, mode = 0o644): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, content, { mode });
  await rename(tmp, file);
}

/**
 * Loads the keyring, or returns undefined when the folder holds no root yet
 * (e-licence issuance is then refused until `onewindow certs init` has run).
 */
export async function loadKeyring(certsDir: string): Promise<Keyring | undefined> {
  const rootPath = path.join(certsDir, `${ROOT}.pem`);
  if (!(await exists(rootPath))) return undefined;
  const rootPem = await readFile(rootPath, 'utf8');
  const root = parseCertificate(rootPem);
  const signerPem = await readFile(path.join(certsDir, `${SIGNER}.pem`), 'utf8');
  const trustListSigner = createJwsSigner(await readFile(path.join(certsDir, `${SIGNER}.key`), 'utf8'), signerPem);
  const departments = new Map<string, DepartmentKey>();
  const dir = path.join(certsDir, 'departments');
  const files = await readdir(dir).catch(() => [] as string[]);
  for (const file of files.filter((f) => f.endsWith('.pem'))) {
    const code = path.basename(file, '.pem');
    const keyPath = path.join(dir, `${code}.key`);
    if (!(await exists(keyPath))) continue; // a certificate without its key can verify, not sign
    const pem = await readFile(path.join(dir, file), 'utf8');
    const signer = createJwsSigner(await readFile(keyPath, 'utf8'), pem);
    departments.set(code, { code, certificate: signer.chain[0]!, signer });
  }
  return { root, rootPem, trustListSigner, departments };
}

/** What `certs init` should make. */
export interface CertsInitOptions {
  readonly hubName: string;
  readonly departments: ReadonlyArray<{ readonly code: string; readonly name: string }>;
  /** RSA modulus of the root (default 3072); department keys are 2048. */
  readonly rootModulusLength?: number;
}

/**
 * `onewindow certs init`: makes the root CA, the trust-list signer and an
 * issuing certificate for every listed department that has none yet. Existing
 * material is kept, so it is safe to run again after registering departments.
 *
 * @returns the files created.
 */
export async function initCerts(certsDir: string, options: CertsInitOptions): Promise<string[]> {
  const created: string[] = [];
  await mkdir(path.join(certsDir, 'departments'), { recursive: true });
  const rootPem = path.join(certsDir, `${ROOT}.pem`);
  const rootKey = path.join(certsDir, `${ROOT}.key`);
  if (!(await exists(rootPem))) {
    const root = createCertificateAuthority({
      commonName: `${options.hubName} Root CA`,
      organization: options.hubName,
      modulusLength: options.rootModulusLength ?? 3072,
    });
    await writeAtomic(rootKey, root.privateKeyPem, 0o600);
    await writeAtomic(rootPem, root.certificatePem);
    created.push(rootPem);
  }
  const issuer = { certificatePem: await readFile(rootPem, 'utf8'), privateKeyPem: await readFile(rootKey, 'utf8') };
  const issue = async (base: string, code: string, name: string) => {
    if (await exists(`${base}.pem`)) return;
    const cert = createDepartmentCertificate({ issuer, departmentCode: code, departmentName: name });
    await writeAtomic(`${base}.key`, cert.privateKeyPem, 0o600);
    await writeAtomic(`${base}.pem`, cert.certificatePem);
    created.push(`${base}.pem`);
  };
  await issue(path.join(certsDir, SIGNER), HUB_OPERATOR.code, HUB_OPERATOR.name);
  for (const d of options.departments) await issue(path.join(certsDir, 'departments', d.code), d.code, d.name);
  return created;
}
