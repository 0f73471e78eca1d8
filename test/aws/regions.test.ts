import { expect, test } from 'vitest';
import { knownRegionNames } from '../../src/aws/regions.js';

test('knownRegionNames comes from the SDK partition data', () => {
  const names = knownRegionNames();
  expect(names).toEqual(expect.arrayContaining(['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1', 'cn-north-1']));
  expect(names.some((n) => n.endsWith('-global'))).toBe(false);
  expect(names.every((n) => /^[a-z]{2,4}(-[a-z]+)+-\d+$/.test(n))).toBe(true);
});
