import { describe, expect, it } from 'vitest';
import { colorChoice } from '../../src/cli/terminal.js';

describe('colorChoice: --no-color, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
  it.each([
    [[], {}, 'auto'],
    [[], { NO_COLOR: '1' }, 'off'],
    [[], { NO_COLOR: '' }, 'auto'],
    [[], { FORCE_COLOR: '1' }, 'on'],
    [[], { FORCE_COLOR: '' }, 'on'],
    [[], { FORCE_COLOR: '0' }, 'off'],
    [[], { FORCE_COLOR: 'false' }, 'off'],
    [[], { FORCE_COLOR: '1', NO_COLOR: '1' }, 'on'],
    [['--no-color'], { FORCE_COLOR: '1' }, 'off'],
    [['--', '--no-color'], {}, 'auto'],
  ] as const)('%j %j → %s', (argv, env, choice) => {
    expect(colorChoice(['node', 'main.js', ...argv], env)).toBe(choice);
  });
});
