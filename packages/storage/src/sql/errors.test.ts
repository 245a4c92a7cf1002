import { isTollgateError, TollgateError } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { translateDriverError, translateUnavailable } from './errors.js';

const codeOf = (error: unknown) => (isTollgateError(error) ? error.code : error);
const driverError = (fields: Record<string, unknown>) => Object.assign(new Error(String(fields.message ?? 'driver')), fields);

describe('driver error translation', () => {
  it('turns lost and refused connections into STORAGE_UNAVAILABLE, on both dialects', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '08006', 'SQLITE_BUSY']) {
      expect(codeOf(translateUnavailable(driverError({ code }))), code).toBe('STORAGE_UNAVAILABLE');
      expect(codeOf(translateDriverError(driverError({ code }), 'client', 'c', 'write')), code).toBe('STORAGE_UNAVAILABLE');
    }
  });

  it('leaves other errors and catalogue errors as they are', () => {
    const syntax = driverError({ code: '42601' });
    expect(translateUnavailable(syntax)).toBe(syntax);
    const conflict = new TollgateError('CONFLICT', 'x');
    expect(translateUnavailable(conflict)).toBe(conflict);
  });

  it('maps unique violations to CONFLICT, naming the id field for a primary key', () => {
    const pk = translateDriverError(driverError({ code: '23505', constraint: 'clients_pkey' }), 'client', 'alice', 'write');
    expect(pk).toMatchObject({ code: 'CONFLICT', fields: { id: 'is already used' } });
    const sqlite = translateDriverError(driverError({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }), 'client', 'alice', 'write');
    expect(sqlite).toMatchObject({ code: 'CONFLICT', fields: { id: 'is already used' } });
  });

  it('maps foreign keys to REFERENCED on delete and CONFLICT on write', () => {
    const fk = () => driverError({ code: 'SQLITE_CONSTRAINT_TRIGGER', message: 'FOREIGN KEY constraint failed' });
    expect(codeOf(translateDriverError(fk(), 'product', 'p', 'delete'))).toBe('REFERENCED');
    expect(codeOf(translateDriverError(fk(), 'product', 'p', 'write'))).toBe('CONFLICT');
    expect(codeOf(translateDriverError(driverError({ code: '23503' }), 'product', 'p', 'delete'))).toBe('REFERENCED');
  });
});
