// Security Hub finding events. "Security Hub Findings - Imported" carries one ASFF finding in
// detail.findings and the Security Hub finding ID in `resources`
// (https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-cwe-event-formats.html).
// GuardDuty findings there name company "Amazon" and carry no Compliance object; Config findings
// name "Config"/"AWS" with Compliance FAILED; control findings name "Security Hub" (the docs also
// show "Security Hub CSPM", so both are sampled). "Findings Imported V2" carries an OCSF finding; AWS
// documents its envelope and identifier fields only (cloud.account.uid, finding_info.uid,
// metadata.product.uid), so the product names there are our assumption, stated in docs/checks.md.

import { CREDENTIAL_EXFILTRATION, guardDutyFindingArn, type GuardDutyFindingShape } from './guardduty.js';
import type { EventIdentity } from './identity.js';
import { partitionOf } from './identity.js';

const AT = '2026-11-02T10:00:00.000Z';

/** GuardDuty's ASFF type for each sampled finding type (GuardDuty's Security Hub integration table). */
const GUARDDUTY_ASFF_TYPES: Record<string, string> = {
  'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS':
    'Effects/Data Exfiltration/UnauthorizedAccess:IAMUser-InstanceCredentialExfiltration.OutsideAWS',
  'Backdoor:EC2/C&CActivity.B': 'TTPs/Command and Control/Backdoor:EC2-C&CActivity.B',
};

interface AsffProduct {
  /** The `product/<company>/<product>` part of the product ARN. */
  product: string;
  productName: string;
  companyName: string;
}

function productArn(who: EventIdentity, product: string): string {
  return `arn:${partitionOf(who.region)}:securityhub:${who.region}::product/aws/${product}`;
}

function findingIdOf(who: EventIdentity, product: string, id: string): string {
  return `${productArn(who, product)}/${id}`;
}

function asff(who: EventIdentity, p: AsffProduct, id: string, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    SchemaVersion: '2018-10-08',
    Id: id,
    ProductArn: productArn(who, p.product),
    ProductName: p.productName,
    CompanyName: p.companyName,
    Region: who.region,
    AwsAccountId: who.subject,
    CreatedAt: AT,
    UpdatedAt: AT,
    ProductFields: {
      'aws/securityhub/ProductName': p.productName,
      'aws/securityhub/CompanyName': p.companyName,
      'aws/securityhub/FindingId': findingIdOf(who, p.product, id),
    },
    Workflow: { Status: 'NEW' },
    WorkflowState: 'NEW',
    RecordState: 'ACTIVE',
    ...extra,
  };
}

export interface AsffSample {
  finding: Record<string, unknown>;
  /** The event's `resources`: the Security Hub finding ID. */
  findingId: string;
}

export function guardDutyAsff(shape: GuardDutyFindingShape, who: EventIdentity): AsffSample {
  const product = { product: 'guardduty', productName: 'GuardDuty', companyName: 'Amazon' };
  const id = guardDutyFindingArn(who);
  const finding = asff(who, product, id, {
    GeneratorId: id.slice(0, id.indexOf('/finding/')),
    Types: [GUARDDUTY_ASFF_TYPES[shape.type] ?? `TTPs/${shape.type}`],
    Severity: { Product: 8, Label: 'HIGH', Normalized: 70 },
    Title: shape.title,
    Description: shape.title,
    Resources: [{ Type: shape === CREDENTIAL_EXFILTRATION ? 'AwsIamAccessKey' : 'AwsEc2Instance', Id: 'sample', Partition: partitionOf(who.region), Region: who.region }],
  });
  return { finding, findingId: findingIdOf(who, 'guardduty', id) };
}

export function configAsff(who: EventIdentity): AsffSample {
  const rule = `arn:${partitionOf(who.region)}:config:${who.region}:${who.subject}:config-rule/config-rule-sample`;
  const id = `${rule}/finding/0a1b2c3d4e5f60718293a4b5c6d7e8f901234567`;
  const finding = asff(who, { product: 'config', productName: 'Config', companyName: 'AWS' }, id, {
    GeneratorId: rule,
    Types: ['Software and Configuration Checks'],
    Severity: { Label: 'MEDIUM', Normalized: 40 },
    Title: 'partner-audit-sample-rule',
    Description: 'This finding is created for a resource compliance change for config rule: partner-audit-sample-rule',
    Resources: [{ Type: 'AwsEc2Volume', Id: `arn:${partitionOf(who.region)}:ec2:${who.region}:${who.subject}:volume/vol-0123456789abcdef0` }],
    Compliance: { Status: 'FAILED' },
  });
  return { finding, findingId: findingIdOf(who, 'config', id) };
}

/** A failed control finding (consolidated control findings, the default since February 2023). */
export function controlAsff(who: EventIdentity, productName: 'Security Hub' | 'Security Hub CSPM'): AsffSample {
  const id = `arn:${partitionOf(who.region)}:securityhub:${who.region}:${who.subject}:security-control/IAM.1/finding/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`;
  const finding = asff(who, { product: 'securityhub', productName, companyName: 'AWS' }, id, {
    GeneratorId: 'security-control/IAM.1',
    Types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
    Severity: { Label: 'HIGH', Normalized: 70, Original: 'HIGH' },
    Title: 'IAM policies should not allow full "*" administrative privileges',
    Description: 'partner-audit routing sample',
    Resources: [{ Type: 'AwsIamPolicy', Id: `arn:${partitionOf(who.region)}:iam::${who.subject}:policy/sample` }],
    Compliance: { Status: 'FAILED', SecurityControlId: 'IAM.1', AssociatedStandards: [{ StandardsId: 'standards/aws-foundational-security-best-practices/v/1.0.0' }] },
  });
  return { finding, findingId: findingIdOf(who, 'securityhub', id) };
}

/** An OCSF finding of Security Hub V2; `cloud.account.uid` is the subject account. */
export function ocsfFinding(who: EventIdentity, product: string, className: string): Record<string, unknown> {
  return {
    class_name: className,
    activity_name: 'Create',
    severity: 'High',
    severity_id: 4,
    status: 'New',
    finding_info: { title: 'partner-audit routing sample', uid: 'partner-audit-sample' },
    cloud: { account: { uid: who.subject }, region: who.region, provider: 'AWS' },
    metadata: { product: { name: product, vendor_name: 'AWS', uid: `arn:${partitionOf(who.region)}:securityhub:${who.region}::productv2/aws/${product.toLowerCase().replace(/\s+/g, '')}` }, version: '1.5.0' },
  };
}
