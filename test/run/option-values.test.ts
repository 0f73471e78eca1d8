// Option values that commander hands to our parsers: a typo gets a message naming what is accepted.

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { autoOrPositiveInt, positiveInt } from '../../src/run/options.js';

describe('option values', () => {
  it.each([
    ['auto', 'auto'],
    ['8', 8],
  ])('--accounts-in-parallel %s', (value, parsed) => {
    expect(autoOrPositiveInt(value)).toBe(parsed);
  });

  it.each(['autoo', '0', '2.5', ''])('--accounts-in-parallel %j is refused, naming auto', (value) => {
    expect(() => autoOrPositiveInt(value)).toThrow(UsageError);
    expect(() => autoOrPositiveInt(value)).toThrow(`"${value}" is neither auto nor a positive whole number`);
  });

  it('a count that takes no auto says so', () => {
    expect(() => positiveInt('auto')).toThrow('"auto" is not a positive whole number');
  });
});
