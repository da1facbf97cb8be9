import { describe, expect, it } from 'vitest';
import { elapsedWords, milestoneWords } from './people';
import { count } from './people.fixtures';

describe('milestone words', () => {
  it('counts days under a year and years, months and days after', () => {
    expect(elapsedWords(count(0))).toBe('0 days');
    expect(elapsedWords(count(1))).toBe('1 day');
    expect(elapsedWords(count(30))).toBe('30 days');
    expect(elapsedWords(count(365, 1))).toBe('1 year');
    expect(elapsedWords(count(468, 1, 3, 12))).toBe('1 year, 3 months, 12 days');
    expect(elapsedWords(count(760, 2, 0, 1))).toBe('2 years, 1 day');
  });

  it('names each milestone', () => {
    expect(milestoneWords({ unit: 'hours', count: 24 })).toBe('24 hours');
    expect(milestoneWords({ unit: 'months', count: 18 })).toBe('18 months');
    expect(milestoneWords({ unit: 'years', count: 1 })).toBe('1 year');
  });
});
