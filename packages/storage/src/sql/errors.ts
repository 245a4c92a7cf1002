import { TollgateError } from '@tollgate/domain';

/** What the failing statement was doing: the same foreign-key error means different things. */
export type Operation = 'write' | 'delete';

interface DriverError {
  code?: unknown;
  message?: unknown;
  constraint?: unknown;
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', '57P01', '57P02', '57P03', '53300']);

/**
 * Turns a driver error into a catalogue error so no SQL or driver text reaches a client:
 * unique violations → CONFLICT, foreign keys → REFERENCED (delete) or CONFLICT (write),
 * lost connections → STORAGE_UNAVAILABLE. Anything else is rethrown as it is (a bug: 500).
 */
export function translateDriverError(error: unknown, kind: string, id: string, operation: Operation): unknown {
  if (error instanceof TollgateError || typeof error !== 'object' || error === null) return error;
  const { code, message, constraint } = error as DriverError;
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || String(constraint).endsWith('_pkey')) {
      return new TollgateError('CONFLICT', `${kind} '${id}' already exists`, { id: 'is already used' });
    }
    if (/name_version|\.name, \w+\.version/.test(`${String(message)} ${String(constraint)}`)) {
      return new TollgateError('CONFLICT', `another ${kind} has the same name and version`, {
        version: 'is already used by a project of this name',
      });
    }
    return new TollgateError('CONFLICT', `${kind} '${id}' conflicts with an existing one`);
  }
  // SQLite reports ON DELETE RESTRICT as SQLITE_CONSTRAINT_TRIGGER, hence the message test.
  if (code === '23503' || (String(code).startsWith('SQLITE_CONSTRAINT') && String(message).includes('FOREIGN KEY'))) {
    return operation === 'delete'
      ? new TollgateError('REFERENCED', `${kind} '${id}' is still referenced; remove the references first`)
      : new TollgateError('CONFLICT', `${kind} '${id}' refers to something that no longer exists`);
  }
  return translateUnavailable(error);
}

/**
 * A lost or refused connection (or a SQLite database locked past the busy timeout) →
 * STORAGE_UNAVAILABLE; anything else is returned as it is. Applies to reads as well as writes.
 */
export function translateUnavailable(error: unknown): unknown {
  if (error instanceof TollgateError || typeof error !== 'object' || error === null) return error;
  const { code } = error as DriverError;
  if ((typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) || code === 'SQLITE_BUSY') {
    return new TollgateError('STORAGE_UNAVAILABLE', 'the configuration store is unavailable; try again');
  }
  return error;
}

/** Runs a statement and translates what the driver throws. */
export async function guarded<T>(kind: string, id: string, operation: Operation, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw translateDriverError(error, kind, id, operation);
  }
}
