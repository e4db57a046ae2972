/**
 * The migration history, in order. Listed explicitly (not discovered by glob) so
 * the same list works under tsx, vitest and a bundled build. New migrations are
 * generated with `onewindow db migration:create`, reviewed, then never edited.
 * This file is rewritten by that command.
 */
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125082834 } from './Migration20261125082834.js';
import { Migration20261125091210 } from './Migration20261125091210.js';
import { Migration20261125093150 } from './Migration20261125093150.js';
import { Migration20261125095514 } from './Migration20261125095514.js';

export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261125082834', class: Migration20261125082834 },
  { name: 'Migration20261125091210', class: Migration20261125091210 },
  { name: 'Migration20261125093150', class: Migration20261125093150 },
  { name: 'Migration20261125095514', class: Migration20261125095514 },
];
