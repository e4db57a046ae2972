import type { FieldProvenanceEntry } from '../domain/provenance/provenance.js';

/**
 * `FieldProvenance` is a shareable value type defined identically by every
 * subgraph that stores data; they all resolve it the same way.
 */
export const FieldProvenanceResolvers = {
  source: (p: FieldProvenanceEntry) => ({ code: p.source }),
  recordedAt: (p: FieldProvenanceEntry) => p.at,
};
