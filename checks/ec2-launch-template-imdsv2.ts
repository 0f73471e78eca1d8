import { imdsDefaults, images, launchTemplates } from '../src/datasets/ec2/datasets.js';
import type { ImagesEvidence, ImdsDefaultsEvidence, LaunchTemplateInfo } from '../src/datasets/ec2/datasets.js';
import { type DatasetView, defineCheck, type Outcome } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';

const MESSAGES = {
  tokensRequired: 'Launch template {name} (version {version}) launches instances that require IMDSv2 ({source}).',
  endpointDisabled: 'Launch template {name} (version {version}) launches instances with the metadata endpoint disabled ({source}).',
  tokensOptional: 'Launch template {name} (version {version}) launches instances that accept IMDSv1 ({source}).',
  amiUnresolved: 'Launch template {name} (version {version}) sets no HttpTokens, no account default applies, and its AMI {imageId} could not be resolved, so the effective setting is unknown.',
  noAmiInTemplate:
    'Launch template {name} (version {version}) sets no HttpTokens, no account default applies, and it names no AMI (an EKS node group or other launcher supplies one at launch): AMI not resolvable, so the effective setting is unknown.',
  fallbackUnreadable: 'Launch template {name} (version {version}) sets no {setting}, and {dataset} could not be read ({code}), so the effective setting is unknown.',
  noTemplates: 'No launch templates in {region}.',
} as const;

type MessageId = keyof typeof MESSAGES;
type Optional = { defaults: DatasetView<ImdsDefaultsEvidence>; images: DatasetView<ImagesEvidence> };
type Effective = { value: string; source: string } | { unknown: MessageId; params: Record<string, string> };

const TEMPLATE = 'set in the template';
const ACCOUNT_DEFAULT = 'account default for the region';

function unreadable(dataset: string, view: DatasetView<unknown>): Effective {
  return { unknown: 'fallbackUnreadable', params: { setting: 'HttpTokens', dataset, code: view.ok ? '' : view.error.code } };
}

/** The endpoint when the template or the account default says; a disabled endpoint ends the question. */
function effectiveEndpoint(template: LaunchTemplateInfo, defaults: Optional['defaults']): Effective | undefined {
  if (template.httpEndpoint !== undefined) return { value: template.httpEndpoint, source: TEMPLATE };
  const fallback = defaults.ok ? defaults.data.httpEndpoint : undefined;
  return fallback === undefined ? undefined : { value: fallback, source: ACCOUNT_DEFAULT };
}

function effectiveTokens(template: LaunchTemplateInfo, optional: Optional): Effective {
  if (template.httpTokens !== undefined) return { value: template.httpTokens, source: TEMPLATE };
  if (!optional.defaults.ok) return unreadable('the account IMDS defaults', optional.defaults);
  if (optional.defaults.data.httpTokens !== undefined) return { value: optional.defaults.data.httpTokens, source: ACCOUNT_DEFAULT };
  if (template.imageId === undefined) return { unknown: 'noAmiInTemplate', params: {} };
  if (!optional.images.ok) return unreadable(`AMI ${template.imageId}`, optional.images);
  const image = optional.images.data.images.find((i) => i.imageId === template.imageId);
  if (!image || optional.images.data.unresolved.includes(template.imageId)) {
    return { unknown: 'amiUnresolved', params: { imageId: template.imageId } };
  }
  return image.imdsSupport === 'v2.0'
    ? { value: 'required', source: `AMI ${image.imageId} has ImdsSupport v2.0` }
    : { value: 'optional', source: `AMI ${image.imageId} does not set ImdsSupport v2.0, so the EC2 default applies` };
}

function judge(template: LaunchTemplateInfo, optional: Optional): Outcome<MessageId> {
  const base = { resource: template.arn, evidence: { template, hopLimit: template.hopLimit } };
  const params = { name: template.name, version: template.defaultVersion };
  const endpoint = effectiveEndpoint(template, optional.defaults);
  if (endpoint && 'value' in endpoint && endpoint.value === 'disabled') {
    return { ...base, status: 'PASS', messageId: 'endpointDisabled', params: { ...params, source: endpoint.source } };
  }
  const tokens = effectiveTokens(template, optional);
  if ('unknown' in tokens) {
    const status = tokens.unknown === 'fallbackUnreadable' ? 'ERROR' : 'WARN';
    return { ...base, status, messageId: tokens.unknown, params: { ...params, ...tokens.params } };
  }
  const withSource = { ...params, source: tokens.source };
  const evidence = { ...base.evidence, effectiveHttpTokens: tokens.value, source: tokens.source };
  return tokens.value === 'required'
    ? { ...base, evidence, status: 'PASS', messageId: 'tokensRequired', params: withSource }
    : { ...base, evidence, status: 'FAIL', messageId: 'tokensOptional', params: withSource };
}

export default defineCheck({
  id: 'ec2-launch-template-imdsv2',
  title: 'Launch templates start instances that require IMDSv2',
  description:
    'For the default version of every launch template in each region, works out the HttpTokens an instance would get: the template\'s own ' +
    'value, else the account\'s IMDS default for the region, else required when the AMI declares ImdsSupport v2.0, else optional. ' +
    'Optional fails; an AMI that cannot be resolved warns, and so does a template that names no AMI (EKS node groups supply it at launch). ' +
    'The hop limit is kept as evidence.',
  requirements: { 'smb-competency': ['AWSAPI-004'] },
  severity: 'medium',
  scope: 'region',
  uses: { templates: launchTemplates },
  optionalUses: { defaults: imdsDefaults, images },
  remediation:
    'Create a new default template version with MetadataOptions HttpTokens=required: `aws ec2 create-launch-template-version --launch-template-id <id> ' +
    '--source-version <n> --launch-template-data \'{"MetadataOptions":{"HttpTokens":"required"}}\'` then `aws ec2 modify-launch-template --launch-template-id <id> --default-version <new>`; ' +
    'or set the account default with `aws ec2 modify-instance-metadata-defaults --http-tokens required`.',
  docsUrl: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { templates } = input.data.templates;
    if (templates.length === 0) {
      return [{ status: 'NOT_APPLICABLE', messageId: 'noTemplates', resource: regionalArn(input, 'ec2', 'launch-template'), params: { region: input.region } }];
    }
    return templates.map((template) => judge(template, input.optional));
  },
});
