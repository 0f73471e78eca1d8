// What every command gets from main: the checks, passed in once rather than imported by each.

import type { AnyCheck } from '../contract/check.js';

export interface CliContext {
  checks: readonly AnyCheck[];
}
