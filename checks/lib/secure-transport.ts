// Whether a bucket policy refuses requests that do not use TLS: a Deny to everyone of S3 actions
// when aws:SecureTransport is false. An Allow limited to SecureTransport "true" does not refuse
// anything, so it does not count.
// https://repost.aws/knowledge-center/s3-bucket-policy-for-config-rule

import type { PolicyDocument, PolicyStatement } from '../../src/datasets/policy-types.js';
import { awsPrincipals } from './policy-principals.js';

function everyone(statement: PolicyStatement): boolean {
  return awsPrincipals(statement.principal).includes('*');
}

function coversS3(statement: PolicyStatement): boolean {
  if (statement.notAction) return !statement.notAction.some((a) => a === 's3:*' || a === '*');
  return (statement.action ?? []).some((a) => a === 's3:*' || a === '*' || a.startsWith('s3:Get') || a.startsWith('s3:Put'));
}

/** Condition keys are case-insensitive; the value may be the string "false" or the boolean false. */
function whenInsecure(statement: PolicyStatement): boolean {
  return ['Bool', 'BoolIfExists'].some((operator) =>
    Object.entries(statement.condition?.[operator] ?? {}).some(([key, values]) => key.toLowerCase() === 'aws:securetransport' && values.some((v) => v.toLowerCase() === 'false')),
  );
}

export function deniesInsecureTransport(policy: PolicyDocument | undefined): boolean {
  return (policy?.statements ?? []).some((s) => s.effect === 'Deny' && everyone(s) && coversS3(s) && whenInsecure(s));
}
