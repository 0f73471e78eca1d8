// The customer role template (FTR CAA-007) is read when the config is loaded: CloudFormation in YAML
// with short-form tags, or JSON, or a bare policy; bad input is one line naming the file.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { loadRoleTemplate } from '../../src/config/role-template.js';
import { ConfigError } from '../../src/errors.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partner-audit-template-'));
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const YAML_TEMPLATE = `
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ExternalId: { Type: String }
Resources:
  ProductRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: !Sub 'arn:aws:iam::111122223333:root' }
            Action: sts:AssumeRole
            Condition: { StringEquals: { sts:ExternalId: !Ref ExternalId } }
      ManagedPolicyArns: [!Sub 'arn:\${AWS::Partition}:iam::aws:policy/ReadOnlyAccess']
      Policies:
        - PolicyName: reports
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [s3:PutObject]
                Resource: !Join ['', ['arn:aws:s3:::', !Ref Bucket, '/*']]
              - Effect: Allow
                Action: s3:GetObject
                Resource: !GetAtt Bucket.Arn
  Extra:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          Effect: Allow
          Action: '*'
          Resource: !If [Wide, '*', !Ref 'AWS::NoValue']
`;

describe('loadRoleTemplate', () => {
  it('reads a YAML template with short-form tags into its policies, intrinsic functions as placeholders', async () => {
    const loaded = await loadRoleTemplate(await file('role.yaml', YAML_TEMPLATE));
    expect(loaded.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(loaded.managedPolicyArns).toEqual([{ source: 'ProductRole', arn: 'arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess' }]);
    expect(loaded.policies.map((p) => p.source)).toEqual(['ProductRole inline policy reports', 'Extra (AWS::IAM::ManagedPolicy)']);
    const [reports, extra] = loaded.policies.map((p) => p.document as { statements: { resource?: string[] }[] });
    expect(reports!.statements.map((s) => s.resource)).toEqual([['arn:aws:s3:::${Bucket}/*'], ['${Bucket.Arn}']]);
    expect(extra!.statements[0]!.resource).toEqual(['<Fn::If>']);
  });

  it('reads a JSON template and a bare policy document', async () => {
    const json = await loadRoleTemplate(await file('role.json', JSON.stringify({ Resources: { P: { Type: 'AWS::IAM::Policy', Properties: { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] } } } } })));
    expect(json.policies).toEqual([{ source: 'P (AWS::IAM::Policy)', document: { statements: [expect.objectContaining({ effect: 'Allow', action: ['ec2:Describe*'], resource: ['*'] })] } }]);
    const bare = await loadRoleTemplate(await file('policy.json', '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}'));
    expect(bare.policies.map((p) => p.source)).toEqual(['policy document']);
  });

  it.each([
    ['a file that is neither', 'other.yaml', 'just: text\n', /other\.yaml: customer role template: neither a CloudFormation template \(no Resources\) nor an IAM policy document \(no Statement\)$/],
    ['invalid YAML', 'broken.yaml', 'Resources: [\n', /broken\.yaml: customer role template: invalid YAML or JSON: /],
    ['a statement IAM would refuse', 'effect.json', '{"Statement":[{"Effect":"Maybe","Action":"*"}]}', /effect\.json: customer role template: Unexpected Effect in policy document: Maybe$/],
  ])('%s is one line naming the file', async (_name, name, text, message) => {
    const path = await file(name, text);
    const err = await loadRoleTemplate(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });

  it('a missing file is one line too', async () => {
    await expect(loadRoleTemplate(join(dir, 'missing.yaml'))).rejects.toThrow(/missing\.yaml: cannot read the customer role template: ENOENT$/);
  });
});

describe('loadConfig with settings.ftr.customerRoleTemplate', () => {
  it('reads the template relative to the config file', async () => {
    await file('customer-role.yaml', YAML_TEMPLATE);
    const config = await loadConfig(await file('partner.yaml', 'settings:\n  ftr:\n    crossAccountAccess: true\n    customerRoleTemplate: customer-role.yaml\n'));
    const template = config.settings.ftr.customerRoleTemplate;
    expect(typeof template === 'object' && template.file).toBe(join(dir, 'customer-role.yaml'));
  });
});
