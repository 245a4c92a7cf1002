import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';
import * as gateway from './0002-gateway.js';

/**
 * Every migration, in order. Names are numbered so they sort; a migration, once released,
 * is never edited: a change is a new number.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-gateway': gateway,
};

/** Serves the migrations compiled into the package (no directory scan at run time). */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
