// Mutable per-server state: issued sessions and in-flight credential reports.

export interface Session {
  accountId: string;
  arn: string;
}

export interface CredentialReportState {
  generatedAt?: Date;
  /** GetCredentialReport answers ReportInProgress while this is above zero. */
  pendingPolls: number;
  /** GetCredentialReport answers ReportInProgress before this time (ms since the epoch). */
  readyAt?: number;
}

export interface ServerState {
  sessions: Map<string, Session>;
  credentialReports: Map<string, CredentialReportState>;
}

export function newState(): ServerState {
  return { sessions: new Map(), credentialReports: new Map() };
}
