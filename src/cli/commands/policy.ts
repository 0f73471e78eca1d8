// `partner-audit policy`: the least-privilege IAM policy (or a role template) for the selected checks.

import { type Command, Option } from '../../vendor/commander.js';
import type { AnyCheck } from '../../contract/check.js';
import { UsageError } from '../../errors.js';
import { buildPolicyDocument, policyActions, scannerPolicyDocument } from '../../policy/policy.js';
import { DEFAULT_ROLE_NAME, roleCloudFormation } from '../../policy/role-cloudformation.js';
import { roleTerraform } from '../../policy/role-terraform.js';
import { neededActions } from '../../policy/selection.js';
import { commaList } from '../../run/options.js';
import type { CliContext } from '../context.js';

const FORMATS = ['json', 'cloudformation', 'terraform'] as const;
type PolicyFormat = (typeof FORMATS)[number];
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

interface PolicyOptions {
  checklist?: string | string[];
  checks?: string;
  format: PolicyFormat;
  scanner?: boolean;
  roleName?: string;
  securityHub?: boolean;
}

export function register(program: Command, context: CliContext): void {
  program
    .command('policy')
    .description('Print the least-privilege IAM policy (or audit-role template) the selected checks need.')
    .option('--checklist <ids>', 'only checks mapped to these checklists, comma-separated (smb-competency, ftr-partner-hosted)', commaList)
    .option('--checks <ids>', 'only these check ids, comma-separated')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('json'))
    .option('--scanner', "the scanner principal's policy instead: the same reads plus sts:AssumeRole of the audit role (json only)")
    .option('--role-name <name>', 'with --scanner: the audit role to assume', DEFAULT_ROLE_NAME)
    .option('--security-hub', 'with --scanner: add securityhub:BatchImportFindings, which scan --security-hub needs')
    .addHelpText(
      'after',
      `
The policy names every action exactly (no wildcards), one statement per service with Resource "*".
cloudformation: a template for the PartnerAuditReadOnly role (ExternalId required), deployable as a
service-managed StackSet. terraform: the same role as aws_iam_role + aws_iam_role_policy.
--scanner: the policy of the principal that runs partner-audit (its own account is read directly).
See docs/operating.md.`,
    )
    .action((options: PolicyOptions) => {
      process.stdout.write(renderPolicy(options, context.checks));
    });
}

export function renderPolicy(options: PolicyOptions, checks: readonly AnyCheck[]): string {
  const checkIds = options.checks?.split(',').map((id) => id.trim()).filter(Boolean);
  const actions = neededActions({ checklist: options.checklist, checkIds }, checks);
  const policy = buildPolicyDocument(policyActions(actions));
  if (options.scanner) {
    const roleName = options.roleName ?? DEFAULT_ROLE_NAME;
    if (options.format !== 'json') throw new UsageError('--scanner prints a JSON policy: leave out --format');
    if (!ROLE_NAME.test(roleName)) throw new UsageError(`--role-name: "${roleName}" is not a valid IAM role name`);
    return `${JSON.stringify(scannerPolicyDocument(policy, roleName, { securityHub: options.securityHub === true }), null, 2)}\n`;
  }
  if (options.securityHub) throw new UsageError('--security-hub adds to the scanner policy: use it with --scanner');
  if (options.format === 'cloudformation') return roleCloudFormation(policy);
  if (options.format === 'terraform') return roleTerraform(policy);
  return `${JSON.stringify(policy, null, 2)}\n`;
}
