/** A stored bearer credential of a user: a session or a personal API token, by its digest only. */
export interface StoredToken {
  /** SHA-256 of the token: the only form it is stored in. */
  digest: string;
  kind: 'session' | 'api';
  id: string;
  username: string;
  /** The API token's name; '' for sessions. */
  name: string;
  /** The token's first characters, to recognise it. */
  prefix: string;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms; null: never. */
  expiresAt: number | null;
}

/**
 * Sessions and API tokens. Not configuration: logging in bumps no version. Deleting a user
 * deletes its tokens.
 */
export interface AuthTokenStore {
  insert(token: StoredToken): Promise<void>;
  /** The token with this digest, expired or not. */
  find(digest: string): Promise<StoredToken | undefined>;
  /** Revokes one token by digest (logout); false when unknown. */
  delete(digest: string): Promise<boolean>;
  /** A user's API tokens, oldest first. */
  listApiTokens(username: string): Promise<StoredToken[]>;
  /** Revokes one of a user's API tokens by id; false when unknown. */
  deleteApiToken(username: string, id: string): Promise<boolean>;
  /** Deletes tokens expired before `now` (epoch ms); returns how many. */
  deleteExpired(now: number): Promise<number>;
}
