import check from '../../checks/ec2-instances-hardened-images.js';
import type { DatasetView } from '../../src/contract/check.js';
import type { Ec2Instance, ImageInfo } from '../../src/datasets/ec2/datasets.js';
import type { ImagePipelineInfo } from '../../src/datasets/imagebuilder/datasets.js';
import type { CallerOrganizationEvidence } from '../../src/datasets/organizations/datasets.js';
import type { AssociationInfo, AssociationsEvidence } from '../../src/datasets/statemanager/datasets.js';
import { instance } from '../helpers/fixtures/compute.js';
import { image, pipeline } from '../helpers/fixtures/network-area.js';
import { failed, input, ok, settings } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const ORG_ACCOUNT = '999988887777';
const PIPELINES_ARN = 'arn:aws:imagebuilder:eu-west-1:111122223333:image-pipeline';
const imageArn = (id: string) => `arn:aws:ec2:eu-west-1::image/${id}`;
const golden = pipeline('golden', { components: ['arn:aws:imagebuilder:eu-west-1:aws:component/stig-build-linux-high/2024.1.0'], dateLastRun: '2026-11-16T00:00:00.000Z' });

interface Options {
  instances?: Ec2Instance[];
  images?: ImageInfo[];
  unresolved?: string[];
  pipelines?: ImagePipelineInfo[];
  organization?: DatasetView<CallerOrganizationEvidence>;
  associations?: DatasetView<AssociationsEvidence>;
  maxAmiAgeDays?: number;
}

function region(o: Options) {
  return input({
    settings: settings(o.maxAmiAgeDays ? { ossec: { maxAmiAgeDays: o.maxAmiAgeDays } } : {}),
    data: { instances: { instances: o.instances ?? [instance({ imageId: 'ami-own' })] }, images: { images: o.images ?? [image('ami-own')], unresolved: o.unresolved ?? [] }, pipelines: { pipelines: o.pipelines ?? [golden] } },
    optional: {
      organization: o.organization ?? ok({ inOrganization: true, organizationId: 'o-1', memberAccountIds: ['111122223333', ORG_ACCOUNT] }),
      associations: o.associations ?? ok({ associations: [] }),
    },
  });
}

const association = (documentName: string): AssociationInfo => ({ associationId: `a-${documentName}`, documentName, targets: ['tag:Role=web'], scheduleExpression: 'rate(7 days)', status: 'Success' });

const app = instance({ instanceId: 'i-app', imageId: 'ami-al2023' });

runCheckCases(check, [
  {
    name: 'own fresh image, an Image Builder pipeline with a STIG component: PASS',
    input: region({}),
    expected: [{ status: 'PASS', messageId: 'imagePipelines', resource: PIPELINES_ARN, params: { pipelines: 'golden (hardening: stig-build-linux-high), last run 2026-11-16', associations: '', missing: '' } }],
  },
  {
    name: 'an instance from an Amazon base image: WARN; the pipeline is still evidence',
    input: region({ instances: [app], images: [image('ami-al2023', { ownerId: '137112412989', ownerAlias: 'amazon', public: true, name: 'al2023-ami' })] }),
    expected: [
      { status: 'WARN', messageId: 'baseImage', resource: app.arn, params: { relation: 'Amazon', image: 'al2023-ami' } },
      { status: 'PASS', messageId: 'imagePipelines', resource: PIPELINES_ARN },
    ],
  },
  {
    name: 'AWS Marketplace and public third-party images are base images',
    input: region({
      instances: [instance({ instanceId: 'i-m', imageId: 'ami-mkt' }), instance({ instanceId: 'i-p', imageId: 'ami-pub' })],
      images: [image('ami-mkt', { ownerId: '679593333241', ownerAlias: 'aws-marketplace' }), image('ami-pub', { ownerId: '123456789012', public: true })],
    }),
    expected: [
      { status: 'WARN', messageId: 'baseImage', resource: instance({ instanceId: 'i-m' }).arn, params: { relation: 'AWS Marketplace' } },
      { status: 'WARN', messageId: 'baseImage', resource: instance({ instanceId: 'i-p' }).arn, params: { relation: 'public' } },
      { status: 'PASS', messageId: 'imagePipelines', resource: PIPELINES_ARN },
    ],
  },
  {
    name: 'a public image shared from an organization account is a golden image; a privately shared one too',
    input: region({
      instances: [instance({ instanceId: 'i-o', imageId: 'ami-org' }), instance({ instanceId: 'i-s', imageId: 'ami-shared' })],
      images: [image('ami-org', { ownerId: ORG_ACCOUNT, public: true }), image('ami-shared', { ownerId: '123456789012' })],
    }),
    expected: [{ status: 'PASS', messageId: 'imagePipelines', resource: PIPELINES_ARN }],
  },
  {
    name: 'organization unreadable: a public image of another account counts as a base image',
    input: region({ instances: [instance({ instanceId: 'i-o', imageId: 'ami-org' })], images: [image('ami-org', { ownerId: ORG_ACCOUNT, public: true })], organization: failed() }),
    expected: [
      { status: 'WARN', messageId: 'baseImage', resource: instance({ instanceId: 'i-o' }).arn, params: { relation: 'public' } },
      { status: 'PASS', messageId: 'imagePipelines', resource: PIPELINES_ARN },
    ],
  },
  {
    name: 'an image older than ossec.maxAmiAgeDays: WARN once, naming its instances',
    input: region({ instances: [instance({ instanceId: 'i-1', imageId: 'ami-old' }), instance({ instanceId: 'i-2', imageId: 'ami-old' })], images: [image('ami-old', { creationDate: '2026-06-01T00:00:00.000Z' })] }),
    expected: [
      { status: 'WARN', messageId: 'staleImage', resource: imageArn('ami-old'), params: { instances: 'i-1, i-2', days: 175, maxDays: 90 } },
      { status: 'PASS', messageId: 'imagePipelines', resource: PIPELINES_ARN },
    ],
  },
  {
    name: 'ossec.maxAmiAgeDays moves the line',
    input: region({ images: [image('ami-own', { creationDate: '2026-06-01T00:00:00.000Z' })], maxAmiAgeDays: 200 }),
    expected: [{ status: 'PASS', messageId: 'imagePipelines', resource: PIPELINES_ARN }],
  },
  {
    name: 'an AMI that no longer exists is evidence, not a verdict; no pipeline: WARN attest',
    input: region({ instances: [instance({ instanceId: 'i-gone', imageId: 'ami-gone' })], images: [], unresolved: ['ami-gone'], pipelines: [] }),
    expected: [
      {
        status: 'WARN',
        messageId: 'attestHardening',
        resource: PIPELINES_ARN,
        params: { count: 1, missing: ' The AMIs of i-gone (ami-gone) no longer exist or are no longer shared.' },
      },
    ],
  },
  {
    name: 'a disabled pipeline is no evidence',
    input: region({ pipelines: [pipeline('old', { status: 'DISABLED' })] }),
    expected: [{ status: 'WARN', messageId: 'attestHardening', resource: PIPELINES_ARN }],
  },
  {
    name: 'State Manager associations running AWSEC2-ConfigureSTIG or a CIS document, without a pipeline: PASS naming them; other documents are not hardening',
    input: region({ pipelines: [], associations: ok({ associations: [association('AWSEC2-ConfigureSTIG'), association('Acme-CIS-Level1'), association('AWS-GatherSoftwareInventory')] }) }),
    expected: [
      {
        status: 'PASS',
        messageId: 'hardeningAssociations',
        resource: PIPELINES_ARN,
        params: { associations: 'AWSEC2-ConfigureSTIG on tag:Role=web, rate(7 days) (last Success); Acme-CIS-Level1 on tag:Role=web, rate(7 days) (last Success)' },
      },
    ],
  },
  {
    name: 'a pipeline and a hardening association: the pipeline passes and names the association too',
    input: region({ associations: ok({ associations: [association('AWSEC2-ConfigureSTIG')] }) }),
    expected: [{ status: 'PASS', messageId: 'imagePipelines', resource: PIPELINES_ARN, params: { associations: ' State Manager associations apply hardening too: AWSEC2-ConfigureSTIG on tag:Role=web, rate(7 days) (last Success).' } }],
  },
  {
    name: 'associations unreadable and no pipeline: WARN attest, saying they could not be read',
    input: region({ pipelines: [], associations: failed('AccessDeniedException') }),
    expected: [{ status: 'WARN', messageId: 'attestHardening', resource: PIPELINES_ARN, params: { associations: ' State Manager associations could not be read (AccessDeniedException).' } }],
  },
  {
    name: 'no running instances: NOT_APPLICABLE',
    input: region({ instances: [instance({ state: 'stopped' })] }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noInstances', resource: 'arn:aws:ec2:eu-west-1:111122223333:instance' }],
  },
]);
