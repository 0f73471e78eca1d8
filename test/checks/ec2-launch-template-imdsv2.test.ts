import check from '../../checks/ec2-launch-template-imdsv2.js';
import { launchTemplate } from '../helpers/fixtures/compute.js';
import { ACCOUNT, failed, input, ok, REGION } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const template = launchTemplate();
const AMI = 'ami-0123456789abcdef0';
const noDefaults = ok({});
const images = (imdsSupport?: string, unresolved: string[] = []) => ok({ images: unresolved.length ? [] : [{ imageId: AMI, ...(imdsSupport && { imdsSupport }) }], unresolved });
const data = (t = template) => ({ templates: { templates: [t] } });

runCheckCases(check, [
  {
    name: 'the template requires tokens: PASS',
    input: input({ data: data(launchTemplate({ httpTokens: 'required', hopLimit: 1 })), optional: { defaults: noDefaults, images: images() } }),
    expected: [{ status: 'PASS', messageId: 'tokensRequired', resource: template.arn, params: { source: 'set in the template', version: 3 } }],
  },
  {
    name: 'the template sets optional: FAIL even when the account default is required',
    input: input({ data: data(launchTemplate({ httpTokens: 'optional' })), optional: { defaults: ok({ httpTokens: 'required' }), images: images() } }),
    expected: [{ status: 'FAIL', messageId: 'tokensOptional', resource: template.arn, params: { source: 'set in the template' } }],
  },
  {
    name: 'the template disables the endpoint: PASS',
    input: input({ data: data(launchTemplate({ httpEndpoint: 'disabled' })), optional: { defaults: noDefaults, images: images() } }),
    expected: [{ status: 'PASS', messageId: 'endpointDisabled', resource: template.arn }],
  },
  {
    name: 'the account default disables the endpoint: PASS',
    input: input({ data: data(), optional: { defaults: ok({ httpEndpoint: 'disabled' }), images: images() } }),
    expected: [{ status: 'PASS', messageId: 'endpointDisabled', resource: template.arn, params: { source: 'account default for the region' } }],
  },
  {
    name: 'unset in the template, the account default required: PASS',
    input: input({ data: data(), optional: { defaults: ok({ httpTokens: 'required' }), images: images() } }),
    expected: [{ status: 'PASS', messageId: 'tokensRequired', resource: template.arn, params: { source: 'account default for the region' } }],
  },
  {
    name: 'unset everywhere, AMI ImdsSupport v2.0: PASS',
    input: input({ data: data(), optional: { defaults: noDefaults, images: images('v2.0') } }),
    expected: [{ status: 'PASS', messageId: 'tokensRequired', resource: template.arn, params: { source: `AMI ${AMI} has ImdsSupport v2.0` } }],
  },
  {
    name: 'unset everywhere, AMI without ImdsSupport: optional, FAIL',
    input: input({ data: data(), optional: { defaults: noDefaults, images: images() } }),
    expected: [{ status: 'FAIL', messageId: 'tokensOptional', resource: template.arn }],
  },
  {
    name: 'unset everywhere and no AMI in the template (EKS node group): AMI not resolvable, WARN',
    input: input({ data: data(launchTemplate({ imageId: undefined })), optional: { defaults: noDefaults, images: images() } }),
    expected: [{ status: 'WARN', messageId: 'noAmiInTemplate', resource: template.arn }],
  },
  {
    name: 'an AMI that cannot be resolved: WARN',
    input: input({ data: data(), optional: { defaults: noDefaults, images: images(undefined, [AMI]) } }),
    expected: [{ status: 'WARN', messageId: 'amiUnresolved', resource: template.arn, params: { imageId: AMI } }],
  },
  {
    name: 'account defaults unreadable and needed: ERROR',
    input: input({ data: data(), optional: { defaults: failed('UnauthorizedOperation'), images: images('v2.0') } }),
    expected: [{ status: 'ERROR', messageId: 'fallbackUnreadable', resource: template.arn, params: { code: 'UnauthorizedOperation' } }],
  },
  {
    name: 'images unreadable and needed: ERROR',
    input: input({ data: data(), optional: { defaults: noDefaults, images: failed() } }),
    expected: [{ status: 'ERROR', messageId: 'fallbackUnreadable', resource: template.arn, params: { dataset: `AMI ${AMI}` } }],
  },
  {
    name: 'unreadable fallbacks do not matter when the template decides',
    input: input({ data: data(launchTemplate({ httpTokens: 'required' })), optional: { defaults: failed(), images: failed() } }),
    expected: [{ status: 'PASS', messageId: 'tokensRequired', resource: template.arn }],
  },
  {
    name: 'no launch templates: not applicable',
    input: input({ data: { templates: { templates: [] } }, optional: { defaults: noDefaults, images: images() } }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noTemplates', resource: `arn:aws:ec2:${REGION}:${ACCOUNT}:launch-template` }],
  },
]);
