// The one message for a run file that is not JSON at all.

import { SnapshotError } from '../errors.js';

export function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SnapshotError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}
