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

/** An object S3 PutObject stored. */
export interface StoredObject {
  body: Buffer;
  contentType?: string;
  /** Base64 SHA-256 the request carried, when it carried one. */
  checksumSha256?: string;
  versionId?: string;
}

export interface ServerState {
  sessions: Map<string, Session>;
  credentialReports: Map<string, CredentialReportState>;
  /** By `bucket/key`. */
  objects: Map<string, StoredObject>;
}

export function newState(): ServerState {
  return { sessions: new Map(), credentialReports: new Map(), objects: new Map() };
}
