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

/** Issues consumer keys from a CSPRNG and digests presented keys the same way. */
export interface CredentialIssuer {
  issue(): IssuedCredentials;
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
