import { describe, expect, it } from 'vitest';
import { backtrackingRisk } from './backtracking.js';

describe('regex-protection: catastrophic-backtracking heuristic', () => {
  it.each([
    ['(a+)+'],
    ['(a*)*b'],
    ['^(\\w+\\s?)*$'],
    ['([a-z]+)*@'],
    ['(?:x{1,9}){2,}'],
    ['(a{2,})+'],
    ['((a+))+'],
    ['(?<word>\\w+)+'],
    ['(?:(?:a|b)+c)+'],
    ['(a+){2,5}'],
    ['(a+)+?'],
  ])('flags the nested quantifier in %s', (source) => {
    expect(backtrackingRisk(source)).toMatch(/nested quantifiers can backtrack catastrophically/);
  });

  it.each([['(a)\\1'], ['(?<q>["\'])\\w+\\k<q>']])('flags the backreference in %s', (source) => {
    expect(backtrackingRisk(source)).toBe('a backreference can make matching take exponential time');
  });

  it.each([
    ['plain alternatives', '(?:union|select)\\s+'],
    ['a repeated group without quantifier inside', '(ab)+'],
    ['sequential quantifiers', 'a+b+c*'],
    ['escaped parentheses', '\\(a+\\)+'],
    ['parentheses and plus in a class', '[(+]+'],
    ['an empty class followed by literals', '[]a+]+'],
    ['a class holding a quantified-looking group', '[(a+)+]'],
    ['an optional group', '(a+)?'],
    ['a group repeated exactly once', '(a+){1}'],
    ['a group repeated at most once', '(a+){0,1}'],
    ['a quantified group after a closed one', '(a+)(b)+'],
    ['a lookahead', '(?=a+)b+'],
    ['a named group used once', '(?<n>a+)b'],
    ['a literal brace', 'a{b+}'],
    ['a script tag', '<\\s*script\\b[^>]*>'],
    ['an escaped digit class', '(\\d)+'],
  ])('accepts %s', (_case, source) => {
    expect(backtrackingRisk(source)).toBeUndefined();
  });
});
