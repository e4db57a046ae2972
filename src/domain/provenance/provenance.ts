/**
 * Field-level provenance: which department supplied each stored field, and when.
 *
 * Stored as one JSONB column per record (`{ field: { source, at } }`) rather than a
 * side table, so reading a record never costs a second query; later issues use it
 * to prefill forms and to name the authoritative source of a value.
 */

/** Where one field's current value came from. */
export interface FieldSource {
  /** Credit code of the department that supplied the value. */
  readonly source: string;
  /** ISO-8601 instant the value was recorded. */
  readonly at: string;
}

/** Provenance of a whole record, keyed by field name. */
export type Provenance = Record<string, FieldSource>;

/**
 * Records `source` as the supplier of every field in `fields` whose value changed.
 *
 * @example
 * const next = stampProvenance(person.provenance, ['name', 'phone'], '11110000MB0000001X', new Date());
 */
export function stampProvenance(
  current: Provenance | null | undefined,
  fields: Iterable<string>,
  source: string,
  at: Date,
): Provenance {
  const next: Provenance = { ...(current ?? {}) };
  const iso = at.toISOString();
  for (const field of fields) next[field] = { source, at: iso };
  return next;
}

/** The provenance entries as a list sorted by field name, the shape GraphQL exposes. */
export function provenanceList(provenance: Provenance | null | undefined): Array<FieldSource & { field: string }> {
  return Object.entries(provenance ?? {})
    .map(([field, s]) => ({ field, source: s.source, at: s.at }))
    .sort((a, b) => a.field.localeCompare(b.field));
}

/** One entry of {@link provenanceList}: the shape GraphQL `FieldProvenance` resolves from. */
export type FieldProvenanceEntry = FieldSource & { readonly field: string };
