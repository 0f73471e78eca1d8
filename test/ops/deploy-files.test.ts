// The deploy/ templates: what they grant, that they parse, and that they match `partner-audit policy`.
// test/generate checks that the committed files are current.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderPolicy } from '../../src/cli/commands/policy.js';
import { ALL_CHECKS } from '../../checks/index.js';
import { deployFiles } from '../../src/policy/deploy-files.js';

const root = join(import.meta.dirname, '../..');
const generated = deployFiles(ALL_CHECKS);
const has = (command: string): boolean => spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;

describe('deploy files', () => {
  it('match `partner-audit policy` output for each format', () => {
    expect(renderPolicy({ format: 'json' }, ALL_CHECKS)).toBe(generated['deploy/partner-audit-policy.json']);
    expect(renderPolicy({ format: 'cloudformation' }, ALL_CHECKS)).toBe(generated['deploy/partner-audit-role.cfn.yaml']);
    expect(renderPolicy({ format: 'terraform' }, ALL_CHECKS)).toBe(generated['deploy/partner-audit-role.tf']);
  });
});

describe('CloudFormation role template', () => {
  const template = parse(generated['deploy/partner-audit-role.cfn.yaml']!);
  const role = template.Resources.AuditRole;

  it('is plain YAML with the required parameters', () => {
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(Object.keys(template.Parameters).sort()).toEqual(['ExternalId', 'PrincipalOrgId', 'RoleName', 'ScannerPrincipalArn']);
    expect(template.Parameters.ExternalId.NoEcho).toBe(true);
    expect(template.Parameters.RoleName.Default).toBe('PartnerAuditReadOnly');
    expect(generated['deploy/partner-audit-role.cfn.yaml']).not.toMatch(/[&*]a\d|!Ref|!Sub|!GetAtt/);
  });

  it('declares the role with a one-hour session, the inline policy and no managed policies', () => {
    expect(role.Type).toBe('AWS::IAM::Role');
    expect(role.Properties.MaxSessionDuration).toBe(3600);
    expect(role.Properties.RoleName).toEqual({ Ref: 'RoleName' });
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    expect(role.Properties.Policies[0].PolicyDocument).toEqual(JSON.parse(generated['deploy/partner-audit-policy.json']!));
    expect(generated['deploy/partner-audit-role.cfn.yaml']).not.toMatch(/SecurityAudit|ViewOnlyAccess/);
  });

  it('trusts only the scanner principal, always requiring the ExternalId, optionally the org', () => {
    const [statement] = role.Properties.AssumeRolePolicyDocument.Statement;
    expect(statement.Principal).toEqual({ AWS: { Ref: 'ScannerPrincipalArn' } });
    expect(statement.Action).toBe('sts:AssumeRole');
    const [condition, withOrg, withoutOrg] = statement.Condition['Fn::If'];
    expect(condition).toBe('HasPrincipalOrgId');
    expect(withOrg.StringEquals).toEqual({ 'sts:ExternalId': { Ref: 'ExternalId' }, 'aws:PrincipalOrgID': { Ref: 'PrincipalOrgId' } });
    expect(withoutOrg.StringEquals).toEqual({ 'sts:ExternalId': { Ref: 'ExternalId' } });
    expect(template.Conditions.HasPrincipalOrgId).toBeDefined();
  });

  it.skipIf(!has('cfn-lint'))('passes cfn-lint', () => {
    execFileSync('cfn-lint', [join(root, 'deploy/partner-audit-role.cfn.yaml')], { stdio: 'pipe' });
  });
});

describe('Terraform role', () => {
  const tf = generated['deploy/partner-audit-role.tf']!;
  const blocks = (kind: string): string[] => [...tf.matchAll(new RegExp(`^${kind} "([^"]+)"(?: "([^"]+)")? \\{`, 'gm'))].map((m) => m.slice(1).filter(Boolean).join('.'));

  it('declares the role, its inline policy, the variables and the output', () => {
    expect(blocks('resource')).toEqual(['aws_iam_role.partner_audit', 'aws_iam_role_policy.partner_audit']);
    expect(blocks('variable')).toEqual(['role_name', 'scanner_principal_arn', 'external_id', 'principal_org_id']);
    expect(blocks('output')).toEqual(['role_arn']);
    expect(tf).toMatch(/max_session_duration = 3600/);
    expect(tf).toMatch(/"sts:ExternalId" = var\.external_id/);
    expect(tf).toMatch(/variable "external_id" \{[^}]*sensitive\s+= true/);
  });

  it('has balanced braces and embeds exactly the generated policy', () => {
    expect((tf.match(/\{/g) ?? []).length).toBe((tf.match(/\}/g) ?? []).length);
    const embedded = /^  policy = jsonencode\((\{[\s\S]*?\n  \})\)/m.exec(tf)?.[1];
    expect(JSON.parse(embedded!.replace(/" : /g, '": '))).toEqual(JSON.parse(generated['deploy/partner-audit-policy.json']!));
  });

  it.skipIf(!has('terraform'))('is formatted as `terraform fmt` wants (which also proves it parses)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pa-tf-'));
    writeFileSync(join(dir, 'main.tf'), tf);
    const result = spawnSync('terraform', ['fmt', '-check', '-diff', dir], { encoding: 'utf8' });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });
});
