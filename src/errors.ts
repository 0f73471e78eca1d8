// Named errors and the exit codes they map to. Exactly one place (cli/main.ts) turns them into
// a one-line message and an exit code.

export const EXIT = {
  ok: 0,
  runtime: 1,
  usage: 2,
  requirementFailed: 3,
  incomplete: 4,
} as const;

/** Bad input from the user: flags, config, attestations, a snapshot that cannot be read. Exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A config or attestations file that does not match its schema; names the field and line. */
export class ConfigError extends UsageError {
  override name = 'ConfigError';
}

/** A snapshot or run directory that is missing or unreadable. */
export class SnapshotError extends UsageError {
  override name = 'SnapshotError';
}

/** Something failed while running (not the user's input). Exit 1. */
export class RuntimeError extends Error {
  override name = 'RuntimeError';
}

/** A run directory that no longer matches its SHA256SUMS or signature, where that is refused. Exit 1. */
export class IntegrityError extends RuntimeError {
  override name = 'IntegrityError';
}
