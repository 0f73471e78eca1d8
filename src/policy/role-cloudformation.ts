// CloudFormation template of the audit role, in plain YAML (long-form `Ref:` / `Fn::` keys, no
// `!Ref` tags) so any YAML parser reads it. YAML 1.1 quoting keeps dates such as 2012-10-17 strings
// for 1.1 parsers (cfn-lint); no anchors, which CloudFormation rejects. Deployable on its own or as
// a service-managed StackSet.

import { stringify } from '../vendor/yaml.js';
import type { PolicyDocument } from './policy.js';

export const DEFAULT_ROLE_NAME = 'PartnerAuditReadOnly';

export function roleCloudFormation(policy: PolicyDocument): string {
  const header = [
    '# Audit role for partner-audit: read-only, least privilege, assumable only with the ExternalId.',
    '# Create it in every account you audit: across an organization or OU as a service-managed StackSet',
    '# (IAM is global, one region is enough), or in one account as a stack:',
    '#   aws cloudformation deploy --template-file partner-audit-role.cfn.yaml --stack-name partner-audit-role \\',
    '#     --capabilities CAPABILITY_NAMED_IAM --parameter-overrides ScannerPrincipalArn=<scanner role ARN> ExternalId=<id>',
    '# Written by `partner-audit policy --format cloudformation` for the checks selected then; after an',
    '# upgrade that adds checks, write it again and update the stack. Details: docs/operating.md of partner-audit.',
  ].join('\n');
  return `${header}\n${stringify(roleTemplate(policy), { version: '1.1', aliasDuplicateObjects: false, lineWidth: 0 })}`;
}

function roleTemplate(policy: PolicyDocument): Record<string, unknown> {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'partner-audit read-only audit role (least privilege, ExternalId required)',
    Parameters: {
      RoleName: {
        Type: 'String',
        Default: DEFAULT_ROLE_NAME,
        AllowedPattern: '[\\w+=,.@-]{1,64}',
        Description: 'Name of the audit role; the scanner assumes arn:aws:iam::<account>:role/<RoleName>.',
      },
      ScannerPrincipalArn: {
        Type: 'String',
        AllowedPattern: 'arn:aws[a-z-]*:iam::\\d{12}:(root|role/.+)',
        Description: 'ARN of the role (or account root) that runs partner-audit and assumes this role.',
      },
      ExternalId: {
        Type: 'String',
        NoEcho: true,
        MinLength: 2,
        MaxLength: 1224,
        AllowedPattern: '[\\w+=,.@:/-]+',
        Description: 'Shared secret the scanner passes as --external-id (PARTNER_AUDIT_EXTERNAL_ID).',
      },
      PrincipalOrgId: {
        Type: 'String',
        Default: '',
        AllowedPattern: '(o-[a-z0-9]{10,32})?',
        Description: 'Optional AWS Organizations ID (o-...); when set, the scanner must belong to it.',
      },
    },
    Conditions: {
      HasPrincipalOrgId: { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'PrincipalOrgId' }, ''] }] },
    },
    Resources: {
      AuditRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: { Ref: 'RoleName' },
          Description: 'Read-only role assumed by partner-audit',
          MaxSessionDuration: 3600,
          AssumeRolePolicyDocument: trustPolicy(),
          Policies: [{ PolicyName: 'PartnerAuditReadOnly', PolicyDocument: policy }],
        },
      },
    },
    Outputs: {
      RoleArn: { Description: 'ARN of the audit role', Value: { 'Fn::GetAtt': ['AuditRole', 'Arn'] } },
    },
  };
}

function trustPolicy(): Record<string, unknown> {
  const externalId = { 'sts:ExternalId': { Ref: 'ExternalId' } };
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: { Ref: 'ScannerPrincipalArn' } },
        Action: 'sts:AssumeRole',
        Condition: {
          'Fn::If': [
            'HasPrincipalOrgId',
            { StringEquals: { ...externalId, 'aws:PrincipalOrgID': { Ref: 'PrincipalOrgId' } } },
            { StringEquals: externalId },
          ],
        },
      },
    ],
  };
}
