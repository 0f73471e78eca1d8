// IAM policy documents as checks read them: every statement in an array, every value list an array.

export interface PolicyStatement {
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** Resource policies only: principal type (`AWS`, `Service`, ...) -> values; `"Principal": "*"` is `{ '*': ['*'] }`. */
  principal?: Record<string, string[]>;
  notPrincipal?: Record<string, string[]>;
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  /** operator -> condition key -> values, as in the policy language. */
  condition?: Record<string, Record<string, string[]>>;
}

export interface PolicyDocument {
  statements: PolicyStatement[];
}

export interface NamedPolicy {
  name: string;
  document: PolicyDocument;
}
