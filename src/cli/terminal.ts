// How the CLI behaves on a terminal and in a pipe: colour by the usual conventions, and a reader
// that stops early (`| head`) ends the output quietly.

import chalk, { chalkStderr } from '../vendor/chalk.js';

export type ColorChoice = 'off' | 'on' | 'auto';

/**
 * `--no-color` wins; then FORCE_COLOR (as in Node itself, it overrides NO_COLOR; "0" or "false"
 * turn colour off); then a non-empty NO_COLOR (https://no-color.org); otherwise colour on a terminal.
 */
export function colorChoice(argv: readonly string[], env: NodeJS.ProcessEnv): ColorChoice {
  const end = argv.indexOf('--');
  const flags = end === -1 ? argv : argv.slice(0, end);
  if (flags.includes('--no-color')) return 'off';
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' ? 'off' : 'on';
  if (env.NO_COLOR) return 'off';
  return 'auto';
}

/** Chalk reads FORCE_COLOR and --no-color itself but not NO_COLOR: one decision for both streams. */
export function applyColorChoice(choice: ColorChoice): void {
  if (choice === 'off') {
    chalk.level = 0;
    chalkStderr.level = 0;
  } else if (choice === 'on') {
    chalk.level = Math.max(chalk.level, 1) as typeof chalk.level;
    chalkStderr.level = Math.max(chalkStderr.level, 1) as typeof chalkStderr.level;
  }
}

/**
 * A closed pipe (`report --out - | head -1`) stops further output without a stack trace; the
 * command still finishes and exits with its own code.
 */
export function endQuietlyOnClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}
