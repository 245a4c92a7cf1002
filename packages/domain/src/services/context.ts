import { notFound, TollgateError } from '../errors/catalogue.js';
import type { Clock, CredentialIssuer, IdGenerator, PasswordHasher, PolicyType, Store } from '../ports/index.js';
import type { AnalyticsRetention } from './analytics.js';

/** What every service is built from. */
export interface ServiceContext {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  credentials: CredentialIssuer;
  /** Hashes and checks user passwords. */
  passwords: PasswordHasher;
  /** Every policy type a project may use (the gateway's registry). */
  policyTypes: readonly PolicyType[];
  /** How long analytics data is kept; default `DEFAULT_ANALYTICS_RETENTION`. */
  analyticsRetention?: AnalyticsRetention;
}

/** The current time as entities report it. */
export function timestamp(context: Pick<ServiceContext, 'clock'>): string {
  return context.clock.now().toISOString();
}

/** Returns the entity or throws 404 naming it. */
export async function require<T>(found: Promise<T | undefined>, kind: string, id: string): Promise<T> {
  const entity = await found;
  if (entity === undefined) throw notFound(kind, id);
  return entity;
}

/**
 * Copies the fields a PATCH body set onto the entity. `undefined` means "not sent";
 * `null` is a value (it clears nullable fields).
 */
export function applyPatch<T extends object>(entity: T, patch: Partial<T>): T {
  const next = { ...entity };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  return next;
}

/**
 * Checks that every referenced id exists; a missing one is a 400 naming the field so a form
 * can mark it: `field.<index>` by default, or what `fieldOf` says (e.g. a map key).
 */
export async function requireReferences(
  ids: readonly string[],
  lookup: (id: string) => Promise<unknown>,
  kind: string,
  field: string,
  fieldOf: (index: number, id: string) => string = (index) => `${field}.${index}`,
): Promise<void> {
  const fields: Record<string, string> = {};
  for (const [index, id] of ids.entries()) {
    if ((await lookup(id)) === undefined) fields[fieldOf(index, id)] = `${kind} '${id}' does not exist`;
  }
  throwIfInvalid(fields);
}

/** Throws one 400 listing every field error found, if there is any. */
export function throwIfInvalid(fields: Record<string, string>): void {
  const messages = Object.entries(fields).map(([field, message]) => `${field}: ${message}`);
  if (messages.length > 0) throw new TollgateError('VALIDATION_FAILED', messages.join('; '), fields);
}
