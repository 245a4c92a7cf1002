import { describe, expect, it } from 'vitest';
import { normalizePath } from './normalize-path.js';

describe('gateway: normalizePath', () => {
  describe('unchanged paths', () => {
    it.each(['/', '/petstore/v1/pets', '/a/b-c_d.e~f', '/a/', '/pets/123'])('returns %s as it is', (path) => {
      expect(normalizePath(path)).toBe(path);
    });

    it('returns the very same string on the fast path', () => {
      const path = '/petstore/v1/pets/42';
      expect(Object.is(normalizePath(path), path)).toBe(true);
    });
  });

  describe('dot segments', () => {
    it.each([
      ['/a/%2e%2e/b', '/b'],
      ['/a/%2E%2E/b', '/b'],
      ['/a/.%2e/b', '/b'],
      ['/a/%2e./b', '/b'],
      ['/a/%2e/b', '/a/b'],
    ])('resolves the encoded dot segment in %s to %s', (raw, normalised) => {
      expect(normalizePath(raw)).toBe(normalised);
    });

    it('removes single-dot segments', () => {
      expect(normalizePath('/a/./b/.')).toBe('/a/b/');
    });

    it('resolves double-dot segments against the previous segment', () => {
      expect(normalizePath('/a/b/../c')).toBe('/a/c');
    });

    it.each([
      ['/..', '/'],
      ['/../admin', '/admin'],
      ['/a/../../../admin', '/admin'],
      ['/%2e%2e/%2e%2e/etc/passwd', '/etc/passwd'],
    ])('never climbs above the root: %s becomes %s', (raw, normalised) => {
      expect(normalizePath(raw)).toBe(normalised);
    });

    it('keeps the trailing slash a final dot segment implies', () => {
      expect(normalizePath('/a/b/..')).toBe('/a/');
    });

    it('keeps dots that are part of a segment name', () => {
      expect(normalizePath('/a/..b/c./.d/x')).toBe('/a/..b/c./.d/x');
    });
  });

  describe('empty segments', () => {
    it.each([
      ['//admin', '/admin'],
      ['/a//b///c', '/a/b/c'],
      ['/a/b//', '/a/b/'],
    ])('collapses %s to %s', (raw, normalised) => {
      expect(normalizePath(raw)).toBe(normalised);
    });
  });

  describe('percent-escapes', () => {
    it.each([
      ['/%7E', '/~'],
      ['/%7e', '/~'],
      ['/%41', '/A'],
      ['/a%2Db%5Fc%2E', '/a-b_c.'],
      ['/%30%39', '/09'],
    ])('decodes the unreserved escape in %s to %s', (raw, normalised) => {
      expect(normalizePath(raw)).toBe(normalised);
    });

    it.each([
      ['/%3f', '/%3F'],
      ['/a%3ab', '/a%3Ab'],
      ['/%20', '/%20'],
      ['/%c3%a9', '/%C3%A9'],
      ['/%25', '/%25'],
    ])('keeps the reserved or non-ASCII escape in %s, upper-cased: %s', (raw, normalised) => {
      expect(normalizePath(raw)).toBe(normalised);
    });

    it('decodes only once: an encoded percent sign stays encoded', () => {
      expect(normalizePath('/a/%252e%252e/b')).toBe('/a/%252e%252e/b');
    });
  });

  describe('rejected paths', () => {
    it.each([
      ['an encoded slash (upper case)', '/a%2Fb'],
      ['an encoded slash (lower case)', '/a%2fb'],
      ['an encoded dot segment followed by an encoded slash', '/a/%2e%2e%2fadmin'],
      ['an encoded backslash (upper case)', '/a%5Cb'],
      ['an encoded backslash (lower case)', '/a%5cb'],
      ['a raw backslash', '/a\\b'],
      ['a raw backslash used as a dot-segment separator', '/a/..\\admin'],
      ['a raw NUL', '/a\u0000b'],
      ['an encoded NUL', '/a%00b'],
      ['a raw control character', '/a\u0001b'],
      ['a raw line feed', '/a\nb'],
      ['an encoded carriage return', '/a%0db'],
      ['a raw DEL', '/a\u007fb'],
      ['an encoded DEL', '/a%7Fb'],
      ['a malformed escape', '/a%zzb'],
      ['a half-hex escape', '/a%4gb'],
      ['a truncated escape', '/a%4'],
      ['a lone percent sign', '/a%'],
      ['a relative path', 'a/b'],
      ['an asterisk-form target', '*'],
      ['an absolute-form target', 'http://example.com/a'],
      ['an empty path', ''],
    ])('rejects %s', (_, raw) => {
      expect(normalizePath(raw)).toBeUndefined();
    });
  });
});
