import { defineCheck, type Outcome } from '../src/contract/check.js';
import type { PolicyDocument } from '../src/datasets/policy-types.js';
import { accountArn } from './lib/arn.js';
import { BROAD_MANAGED_POLICIES, broadGrant } from './lib/broad-grants.js';

const MESSAGES = {
  allActions: 'The customer role template {file} lets the role do anything: {source} allows {actions}.',
  writeEverywhere: 'The customer role template {file} lets the role write to every resource: {source} allows {actions} on "*".',
  broadManagedPolicy: 'The customer role template {file} attaches the AWS managed policy {policy} ({source}), which grants nearly everything.',
  scoped: 'The customer role template {file} (sha256 {sha}) grants no "*" action and no write on "*" in its {policies} polic(ies){managed}.',
  noTemplate: 'settings.ftr.customerRoleTemplate names no template, so the role customers deploy is not read; set it to have it judged.',
  notLoaded: 'settings.ftr.customerRoleTemplate ({file}) was not read: it is read when the config file is loaded, not from settings given otherwise.',
} as const;

type MessageId = keyof typeof MESSAGES;

const MANAGED_NAME = /^arn:[\w-]+:iam::aws:policy\/(?:.*\/)?([^/]+)$/;

export default defineCheck({
  id: 'iam-customer-role-template-least-privilege',
  title: 'The role template customers deploy grants no broad permissions',
  description:
    'Only when settings.ftr.crossAccountAccess is true and settings.ftr.customerRoleTemplate names the CloudFormation template (YAML or JSON, ' +
    'short-form tags included) or policy document customers use to create the product\'s role. Read offline when the config is loaded: ' +
    'every policy it grants that allows "*" actions (or NotAction), or write actions on "*" resources (or NotResource), fails, and so does an ' +
    'attached AdministratorAccess or PowerUserAccess. Otherwise it passes; that the permissions are the minimum the product needs is attested.',
  requirements: { 'ftr-partner-hosted': ['CAA-007'] },
  severity: 'high',
  scope: 'account',
  uses: {},
  remediation:
    'Grant the customer role only the actions the product calls, on the customer resources it needs (ARNs or conditions, not "*" for ' +
    'writes); replace broad managed policies with a scoped policy, and publish the template with least-privilege statements.',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  messages: MESSAGES,
  evaluate: (input) => {
    const template = input.settings.ftr.customerRoleTemplate;
    const account = accountArn(input);
    if (template === undefined) return [{ status: 'NOT_APPLICABLE', messageId: 'noTemplate', resource: account }];
    if (typeof template === 'string') return [{ status: 'ERROR', messageId: 'notLoaded', resource: account, params: { file: template } }];
    const at = (source: string) => `${template.file}#${source}`;
    const outcomes: Outcome<MessageId>[] = [];
    for (const { source, document } of template.policies) {
      for (const statement of (document as PolicyDocument).statements) {
        const broad = broadGrant(statement);
        if (broad) outcomes.push({ status: 'FAIL', messageId: broad.kind, resource: at(source), params: { file: template.file, source, actions: broad.actions.join(', ') }, evidence: { statement, sha256: template.sha256 } });
      }
    }
    for (const { source, arn } of template.managedPolicyArns) {
      const name = MANAGED_NAME.exec(arn)?.[1];
      if (name && BROAD_MANAGED_POLICIES.has(name)) outcomes.push({ status: 'FAIL', messageId: 'broadManagedPolicy', resource: at(source), params: { file: template.file, source, policy: name }, evidence: { arn, sha256: template.sha256 } });
    }
    if (outcomes.length > 0) return outcomes;
    const managed = template.managedPolicyArns.length > 0 ? ` (managed policies attached, not read: ${template.managedPolicyArns.map((m) => m.arn).join(', ')})` : '';
    const params = { file: template.file, sha: template.sha256.slice(0, 12), policies: template.policies.length, managed };
    return [{ status: 'PASS', messageId: 'scoped', resource: at('template'), params, evidence: { template } }];
  },
});
