import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse, type DocumentNode } from 'graphql';
import { SUBGRAPH_NAMES, type SubgraphName } from '../config.js';
import { AppError } from '../errors.js';

/** The folder holding the published SDL: one `<subgraph>.graphql` each, plus `supergraph.graphql`. */
export const SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema');

const sdlCache = new Map<SubgraphName, DocumentNode>();

/** The parsed SDL of one subgraph (read once per process). */
export function subgraphTypeDefs(name: SubgraphName): DocumentNode {
  let doc = sdlCache.get(name);
  if (!doc) {
    doc = parse(readFileSync(path.join(SCHEMA_DIR, `${name}.graphql`), 'utf8'));
    sdlCache.set(name, doc);
  }
  return doc;
}

/**
 * The routing URL written into the supergraph for a subgraph. The gateway does
 * not use it: embedded mode runs subgraphs in-process and distributed mode
 * takes URLs from configuration, so the committed supergraph stays the same
 * whatever the deployment.
 */
export function placeholderUrl(name: SubgraphName): string {
  return `http://${name}.subgraph.onewindow.internal/graphql`;
}

/**
 * Composes the supergraph from schema/ in-process (no rover, no network).
 *
 * @throws AppError INTERNAL_SERVER_ERROR listing every composition error.
 */
export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({ name, url: placeholderUrl(name), typeDefs: subgraphTypeDefs(name) })),
  );
  if (result.errors) {
    throw new AppError('INTERNAL_SERVER_ERROR', `Supergraph composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}
