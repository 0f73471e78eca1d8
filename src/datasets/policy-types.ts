// IAM policy documents as checks read them: every statement in an array, every value list an array.

/**
 * A resource or trust policy's Principal: `'*'` as written, or principal type (`AWS`, `Service`,
 * `Federated`, `CanonicalUser`) -> values.
 */
export type PolicyPrincipal = '*' | Record<string, string[]>;

export interface PolicyStatement {
  sid?: string;
  effect: 'Allow' | 'Deny';
  principal?: PolicyPrincipal;
  notPrincipal?: PolicyPrincipal;
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
