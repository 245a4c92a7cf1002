import { describe, expect, it } from 'vitest';
import type { ObjectPermissionEntry, ObjectRightValue, StoredObjectEntry } from '../entities/object-permission.js';
import type { IdScope } from '../ports/repositories.js';
import { type Asker, decideObjectRight, viewScope } from './object-access.js';

/** `alice`, in the named groups `ops` and `dev`, and in `everyone` like every user. */
const alice: Asker = { username: 'alice', groups: ['ops', 'dev', 'everyone'] };

type Rights = { view?: ObjectRightValue; modify?: ObjectRightValue; deploy?: ObjectRightValue };

/** An entry saying `inherit` on view and modify and leaving deploy out, unless told. */
const entry = (type: 'user' | 'group', id: string, rights: Rights = {}): ObjectPermissionEntry => ({
  principal: { type, id },
  view: rights.view ?? 'inherit',
  modify: rights.modify ?? 'inherit',
  ...(rights.deploy === undefined ? {} : { deploy: rights.deploy }),
});
const user = (id: string, rights: Rights) => entry('user', id, rights);
const group = (id: string, rights: Rights) => entry('group', id, rights);

/** The same entry, stored on one product. */
const on = (objectId: string, e: ObjectPermissionEntry): StoredObjectEntry => ({ ...e, objectType: 'product', objectId });

/** The scope with its ids sorted: which objects are listed matters, not their order. */
const sorted = (scope: IdScope): IdScope => ('only' in scope ? { only: [...scope.only].sort() } : { except: [...scope.except].sort() });

describe('decideObjectRight', () => {
  describe("level 1: the user's own entry", () => {
    it('an allow of the user beats a deny of its group and of everyone, without the global permission', () => {
      const entries = [group('ops', { view: 'deny' }), group('everyone', { view: 'deny' }), user('alice', { view: 'allow' })];
      expect(decideObjectRight(entries, alice, 'view', false)).toBe(true);
      // Without the user's entry, the group's deny decides: the allow above is what made the difference.
      expect(decideObjectRight(entries.slice(0, 2), alice, 'view', false)).toBe(false);
    });

    it('a deny of the user beats the global permission, an allow of its group and of everyone', () => {
      const entries = [user('alice', { modify: 'deny' }), group('dev', { modify: 'allow' }), group('everyone', { modify: 'allow' })];
      expect(decideObjectRight(entries, alice, 'modify', true)).toBe(false);
      expect(decideObjectRight([user('alice', { modify: 'deny' })], alice, 'modify', true)).toBe(false);
    });

    it("an inherit of the user leaves the decision to the user's groups", () => {
      const entries = [user('alice', { view: 'inherit', modify: 'allow' }), group('ops', { view: 'deny' })];
      expect(decideObjectRight(entries, alice, 'view', true)).toBe(false);
    });
  });

  describe("level 2: the user's named groups", () => {
    it('a deny in one named group beats an allow in another, whatever their order', () => {
      const allowOps = group('ops', { view: 'allow' });
      const denyDev = group('dev', { view: 'deny' });
      expect(decideObjectRight([allowOps, denyDev], alice, 'view', true)).toBe(false);
      expect(decideObjectRight([denyDev, allowOps], alice, 'view', true)).toBe(false);
      // Not even an allow of everyone as well brings it back.
      expect(decideObjectRight([allowOps, denyDev, group('everyone', { view: 'allow' })], alice, 'view', true)).toBe(false);
    });

    it('an allow of a named group beats a deny of everyone', () => {
      const entries = [group('everyone', { view: 'deny' }), group('dev', { view: 'allow' })];
      expect(decideObjectRight(entries, alice, 'view', false)).toBe(true);
      expect(decideObjectRight(entries, alice, 'view', true)).toBe(true);
    });

    it('an allow of a named group grants the right without the global permission, a deny removes it with', () => {
      expect(decideObjectRight([group('ops', { modify: 'allow' })], alice, 'modify', false)).toBe(true);
      expect(decideObjectRight([group('ops', { modify: 'deny' })], alice, 'modify', true)).toBe(false);
    });

    it('an inherit in one named group leaves the decision to another', () => {
      const entries = [group('ops', { view: 'inherit' }), group('dev', { view: 'allow' })];
      expect(decideObjectRight(entries, alice, 'view', false)).toBe(true);
    });
  });

  describe('level 3: everyone', () => {
    it('a deny of everyone beats the global permission', () => {
      expect(decideObjectRight([group('everyone', { view: 'deny' })], alice, 'view', true)).toBe(false);
    });

    it('an allow of everyone grants the right without the global permission', () => {
      expect(decideObjectRight([group('everyone', { modify: 'allow' })], alice, 'modify', false)).toBe(true);
    });

    it('is the default of every user, even one whose groups leave it out', () => {
      const loner: Asker = { username: 'bob', groups: [] };
      expect(decideObjectRight([group('everyone', { view: 'deny' })], loner, 'view', true)).toBe(false);
      expect(decideObjectRight([group('everyone', { view: 'allow' })], loner, 'view', false)).toBe(true);
    });
  });

  describe('level 4: the global permission', () => {
    it('decides when every level says inherit', () => {
      const entries = [
        user('alice', { view: 'inherit', modify: 'inherit', deploy: 'inherit' }),
        group('ops', { view: 'inherit', modify: 'inherit', deploy: 'inherit' }),
        group('dev', {}),
        group('everyone', {}),
      ];
      for (const right of ['view', 'modify', 'deploy'] as const) {
        expect(decideObjectRight(entries, alice, right, true)).toBe(true);
        expect(decideObjectRight(entries, alice, right, false)).toBe(false);
      }
    });

    it('decides when there are no entries', () => {
      expect(decideObjectRight([], alice, 'view', true)).toBe(true);
      expect(decideObjectRight([], alice, 'view', false)).toBe(false);
    });

    it('decides over entries of principals the asker is not', () => {
      const others = (value: ObjectRightValue) => [
        user('bob', { view: value }),
        group('sales', { view: value }),
        // A user and a group of the same id are different principals.
        user('ops', { view: value }),
        group('alice', { view: value }),
        user('everyone', { view: value }),
      ];
      expect(decideObjectRight(others('deny'), alice, 'view', true)).toBe(true);
      expect(decideObjectRight(others('allow'), alice, 'view', false)).toBe(false);
    });
  });

  describe('deploy', () => {
    it('is decided by its own word, apart from view and modify', () => {
      const entries = [user('alice', { view: 'allow', modify: 'allow', deploy: 'deny' })];
      expect(decideObjectRight(entries, alice, 'deploy', true)).toBe(false);
      expect(decideObjectRight(entries, alice, 'view', false)).toBe(true);
      expect(decideObjectRight([group('ops', { view: 'deny', modify: 'deny', deploy: 'allow' })], alice, 'deploy', false)).toBe(true);
    });

    it('follows the same levels: a user allow over a group deny, a group deny over an everyone allow', () => {
      expect(decideObjectRight([group('dev', { deploy: 'deny' }), user('alice', { deploy: 'allow' })], alice, 'deploy', false)).toBe(true);
      expect(decideObjectRight([group('everyone', { deploy: 'allow' }), group('dev', { deploy: 'deny' })], alice, 'deploy', true)).toBe(
        false,
      );
      expect(decideObjectRight([group('everyone', { deploy: 'deny' })], alice, 'deploy', true)).toBe(false);
    });

    it('left out is inherit: the global permission decides', () => {
      const entries = [
        user('alice', { view: 'deny', modify: 'deny' }),
        group('ops', { view: 'deny' }),
        group('everyone', { view: 'deny' }),
      ];
      expect(decideObjectRight(entries, alice, 'deploy', true)).toBe(true);
      expect(decideObjectRight(entries, alice, 'deploy', false)).toBe(false);
    });
  });
});

describe('viewScope', () => {
  /** One product per case, entries interleaved as a query may return them. */
  const entries: StoredObjectEntry[] = [
    on('user-allow', group('ops', { view: 'deny' })),
    on('user-deny', user('alice', { view: 'deny' })),
    on('group-deny', group('ops', { view: 'allow' })),
    on('user-allow', user('alice', { view: 'allow' })),
    on('group-deny', group('dev', { view: 'deny' })),
    on('group-allow', group('everyone', { view: 'deny' })),
    on('group-allow', group('dev', { view: 'allow' })),
    on('everyone-deny', group('everyone', { view: 'deny' })),
    on('everyone-allow', group('everyone', { view: 'allow' })),
    on('inherit', user('alice', { view: 'inherit', modify: 'deny' })),
    on('inherit', group('everyone', { view: 'inherit', modify: 'allow' })),
    on('modify-only', group('ops', { modify: 'deny', deploy: 'deny' })),
    on('others', user('bob', { view: 'deny' })),
    on('others', group('sales', { view: 'allow' })),
  ];

  it('with the global view permission: every object but those the rule denies', () => {
    expect(sorted(viewScope(entries, alice, true))).toEqual({ except: ['everyone-deny', 'group-deny', 'user-deny'] });
  });

  it('without it: only the objects the rule allows', () => {
    expect(sorted(viewScope(entries, alice, false))).toEqual({ only: ['everyone-allow', 'group-allow', 'user-allow'] });
  });

  it('lists no object without entries', () => {
    expect(viewScope([], alice, true)).toEqual({ except: [] });
    expect(viewScope([], alice, false)).toEqual({ only: [] });
  });

  it('decides each object by its own entries only', () => {
    const split = [on('a', group('ops', { view: 'allow' })), on('b', group('dev', { view: 'deny' }))];
    // Were the entries of both objects pooled, the deny of `dev` would hide `a` as well.
    expect(viewScope(split, alice, false)).toEqual({ only: ['a'] });
    expect(viewScope(split, alice, true)).toEqual({ except: ['b'] });
  });
});
