/** The time, injected so tests can hold it still. */
export interface Clock {
  now(): Date;
}

/** Makes ids for entities created without one. */
export interface IdGenerator {
  next(): string;
}

/** A freshly issued consumer key pair: the raw values (shown once) and what may be stored. */
export interface IssuedCredentials {
  consumerKey: string;
  consumerSecret: string;
  keyDigest: string;
  secretDigest: string;
  keyPrefix: string;
}

/** A fresh bearer token of a user (a session or a personal API token). */
export interface IssuedToken {
  token: string;
  digest: string;
  prefix: string;
}

/** Issues consumer keys and user tokens from a CSPRNG and digests presented ones the same way. */
export interface CredentialIssuer {
  issue(): IssuedCredentials;
  /** A session (`tg_session_…`) or personal API token (`tg_pat_…`). */
  issueToken(kind: 'session' | 'api'): IssuedToken;
  digest(value: string): string;
}

/** Hashes passwords for storage and checks them (a slow, salted KDF: scrypt). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /**
   * Whether `password` matches `hash`, in time independent of where they differ. `undefined`
   * (an unknown user) is false after the same work, so timing does not tell names apart.
   */
  verify(password: string, hash: string | undefined): Promise<boolean>;
}
