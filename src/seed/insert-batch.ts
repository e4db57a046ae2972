/**
 * The loader's one way of writing: a batch of rows as one multi-row INSERT.
 */
import type { AbstractSqlConnection } from '@mikro-orm/postgresql';
import type { Database } from '../db/database.js';

/** One row to insert, keyed by column name (extra keys are ignored). */
export type Row = Record<string, unknown>;

/**
 * Field-level provenance built in SQL: every field in `fields` is stamped with
 * the department in the row's `sourceColumn` and the one timestamp `at`.
 */
export interface ProvenanceSpec {
  readonly fields: readonly string[];
  readonly at: string;
  /** The record column naming the supplying department (a target column, or an extra `source` column). */
  readonly sourceColumn: string;
}

/**
 * One multi-row INSERT per batch through `jsonb_to_recordset`: a single
 * parameter carries the whole batch, so the same SQL runs on PostgreSQL and on
 * PGlite, and 5,000 rows cost one round trip instead of 5,000.
 *
 * `provenance`, when given, is the same object for every row with the same
 * source (one timestamp per load), so it is built once per source in JS and
 * sent as a second parameter, `{ source: provenance }`; each row picks its own
 * with one `->` lookup. Building it per row in SQL (eleven nested
 * `jsonb_build_object`s) or shipping it per row in the batch cost about a
 * fifth of the loader's CPU time on PGlite (bench/scale/README.md).
 * The statement goes through knex, which binds the batch as a real parameter:
 * MikroORM's `execute()` would inline (and escape) megabytes of JSON.
 */
export async function insertBatch(db: Database, table: string, columns: Record<string, string>, rows: readonly Row[], provenance?: ProvenanceSpec): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const targets = [...names, ...(provenance ? ['provenance'] : [])];
  const values = names.map((n) => `"${n}"`);
  const recordColumns = names.map((n) => `"${n}" ${columns[n]}`);
  // `?` placeholders bind in text order, and the select list (with the provenance) comes before the record set.
  const bindings: string[] = [];
  if (provenance) {
    const bySource: Record<string, Record<string, { source: string; at: string }>> = {};
    for (const row of rows) {
      const source = String(row[provenance.sourceColumn]);
      bySource[source] ??= Object.fromEntries(provenance.fields.map((f) => [f, { source, at: provenance.at }]));
    }
    values.push(`(?::jsonb) -> x."${provenance.sourceColumn}"`);
    if (!(provenance.sourceColumn in columns)) recordColumns.push(`"${provenance.sourceColumn}" varchar`);
    bindings.push(JSON.stringify(bySource));
  }
  bindings.push(JSON.stringify(rows));
  const sql = `insert into ${table} (${targets.map((n) => `"${n}"`).join(', ')})
    select ${values.join(', ')}
    from jsonb_to_recordset(?::jsonb) as x(${recordColumns.join(', ')})
    on conflict do nothing`;
  await (db.orm.em.getConnection() as AbstractSqlConnection).getKnex().raw(sql, bindings);
}
