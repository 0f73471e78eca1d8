export { default, Chalk, chalkStderr } from 'chalk';
export type { ChalkInstance } from 'chalk';
