import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.js';
import { composeSupergraph, SCHEMA_DIR } from '../gateway/supergraph.js';

/** The committed supergraph file. */
export const SUPERGRAPH_FILE = path.join(SCHEMA_DIR, 'supergraph.graphql');

/**
 * Writes schema/supergraph.graphql, or with `check` fails when the committed
 * file differs from what the subgraph SDL composes to (CI runs the check).
 */
export async function composeCommand(options: { check?: boolean } = {}): Promise<string> {
  const composed = `${composeSupergraph().trimEnd()}\n`;
  if (options.check) {
    const committed = await readFile(SUPERGRAPH_FILE, 'utf8').catch(() => '');
    if (committed !== composed) {
      throw new AppError('CONFLICT', 'schema/supergraph.graphql is stale: run `npm run compose` and commit it', { reason: 'STALE_SUPERGRAPH' });
    }
    return 'schema/supergraph.graphql is up to date';
  }
  await writeFile(SUPERGRAPH_FILE, composed);
  return `wrote ${path.relative(process.cwd(), SUPERGRAPH_FILE)}`;
}
