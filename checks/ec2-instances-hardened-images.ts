import { ec2Instances, images } from '../src/datasets/ec2/datasets.js';
import type { Ec2Instance, ImageInfo } from '../src/datasets/ec2/datasets.js';
import { imagePipelines, type ImagePipelineInfo } from '../src/datasets/imagebuilder/datasets.js';
import { callerOrganization } from '../src/datasets/organizations/datasets.js';
import { defineCheck, type Outcome } from '../src/contract/check.js';
import { partitionOf, regionalArn } from './lib/arn.js';
import { daysSince } from './lib/time.js';

const MESSAGES = {
  baseImage: 'Instance {id} runs {imageId} ({image}), a {relation} base image, not one built from your hardened baseline.',
  staleImage: 'Image {imageId} ({image}), run by {instances}, was created {days} days ago (limit {maxDays}): rebuild it with current patches.',
  imagePipelines: 'EC2 Image Builder pipelines build images in {region}: {pipelines}.{missing}',
  attestHardening:
    'No enabled EC2 Image Builder pipeline in {region} while {count} instance(s) run: attest your hardening mechanism (CIS or STIG baseline and how it reaches every instance).{missing}',
  noInstances: 'No running instances in {region}.',
} as const;

type MessageId = keyof typeof MESSAGES;

/** Components of a recipe that apply a hardening baseline (Amazon's STIG components, CIS Marketplace components). */
const HARDENING_COMPONENT = /stig|cis|harden/i;

/** Who owns the image, as it matters for "built from your baseline or not". */
function relationOf(image: ImageInfo, accountId: string, members: ReadonlySet<string>): string {
  if (image.ownerId === accountId) return 'own';
  if (image.ownerId && members.has(image.ownerId)) return 'organization';
  if (image.ownerAlias === 'amazon') return 'Amazon';
  if (image.ownerAlias === 'aws-marketplace') return 'AWS Marketplace';
  return image.public ? 'public' : 'shared';
}

const BASE = new Set(['Amazon', 'AWS Marketplace', 'public']);
const label = (image: ImageInfo) => image.name ?? 'unnamed';

function pipelineSummary(p: ImagePipelineInfo): string {
  const hardening = p.components.filter((c) => HARDENING_COMPONENT.test(c)).map((c) => c.split('/').at(-2) ?? c);
  return `${p.name}${hardening.length ? ` (hardening: ${hardening.join(', ')})` : ''}${p.dateLastRun ? `, last run ${p.dateLastRun.slice(0, 10)}` : ''}`;
}

export default defineCheck({
  id: 'ec2-instances-hardened-images',
  title: 'Running instances come from hardened images that an automated pipeline keeps current',
  description:
    'For each running instance, reads its AMI (owner, owner alias, public flag, creation date). An instance launched from a base image ' +
    '(owned by Amazon or the AWS Marketplace, or public and owned outside the organization) warns; images owned by the account or shared ' +
    'from another account of the organization (organizations.callerOrganization) count as golden images. Each image in use that is older ' +
    'than ossec.maxAmiAgeDays warns. An AMI that no longer exists is listed as evidence, not judged. Enabled EC2 Image Builder pipelines, ' +
    'with their hardening components (names containing STIG, CIS or harden), are evidence of automation; with instances running and no ' +
    'pipeline the region warns "attest your hardening mechanism". Systems Manager State Manager associations running hardening documents ' +
    '(AWSEC2-ConfigureSTIG, CIS documents) will count as the same evidence once the SSM dataset reads them; Inspector CIS scans are attested.',
  requirements: { 'smb-competency': ['OSSEC-001'] },
  severity: 'medium',
  scope: 'region',
  uses: { instances: ec2Instances, images, pipelines: imagePipelines },
  optionalUses: { organization: callerOrganization },
  remediation:
    'Build golden AMIs with an EC2 Image Builder pipeline whose recipe includes a hardening component (for example stig-build-linux-high, or ' +
    'a CIS hardened component from the AWS Marketplace), schedule it at least monthly, and launch instances only from its output ' +
    '(launch templates referencing the latest image).',
  docsUrl: 'https://docs.aws.amazon.com/imagebuilder/latest/userguide/ib-stig.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const maxDays = input.settings.ossec.maxAmiAgeDays;
    const running = input.data.instances.instances.filter((i) => i.state === 'running');
    if (running.length === 0) return [{ status: 'NOT_APPLICABLE', messageId: 'noInstances', resource: regionalArn(input, 'ec2', 'instance'), params: { region: input.region } }];
    const org = input.optional.organization;
    const members = new Set(org.ok ? (org.data.memberAccountIds ?? []) : []);
    const byId = new Map(input.data.images.images.map((img) => [img.imageId, img]));
    const missing = running.filter((i) => !i.imageId || !byId.has(i.imageId));
    const outcomes: Outcome<MessageId>[] = [];
    const users = new Map<string, Ec2Instance[]>();
    for (const instance of running) {
      const image = instance.imageId ? byId.get(instance.imageId) : undefined;
      if (!image) continue;
      users.set(image.imageId, [...(users.get(image.imageId) ?? []), instance]);
      const relation = relationOf(image, input.accountId, members);
      if (!BASE.has(relation)) continue;
      const params = { id: instance.instanceId, imageId: image.imageId, image: label(image), relation };
      outcomes.push({ status: 'WARN', messageId: 'baseImage', resource: instance.arn, params, evidence: { instance, image, relation } });
    }
    for (const [imageId, instances] of users) {
      const image = byId.get(imageId)!;
      const days = image.creationDate ? daysSince(input.now, image.creationDate) : undefined;
      if (days === undefined || days <= maxDays) continue;
      const params = { imageId, image: label(image), instances: instances.map((i) => i.instanceId).join(', '), days, maxDays };
      // AMI ARNs name no account.
      const resource = `arn:${partitionOf(input.region)}:ec2:${input.region}::image/${imageId}`;
      outcomes.push({ status: 'WARN', messageId: 'staleImage', resource, params, evidence: { image, maxAmiAgeDays: maxDays } });
    }
    const pipelines = input.data.pipelines.pipelines.filter((p) => p.status !== 'DISABLED');
    const missingNote = missing.length ? ` The AMIs of ${missing.map((i) => `${i.instanceId} (${i.imageId ?? 'none'})`).join(', ')} no longer exist or are no longer shared.` : '';
    const evidence = { pipelines, missingImages: missing.map((i) => ({ instanceId: i.instanceId, imageId: i.imageId })), organizationKnown: org.ok && org.data.memberAccountIds !== undefined, maxAmiAgeDays: maxDays };
    const resource = regionalArn(input, 'imagebuilder', 'image-pipeline');
    outcomes.push(
      pipelines.length > 0
        ? { status: 'PASS', messageId: 'imagePipelines', resource, params: { region: input.region, pipelines: pipelines.map(pipelineSummary).join('; '), missing: missingNote }, evidence }
        : { status: 'WARN', messageId: 'attestHardening', resource, params: { region: input.region, count: running.length, missing: missingNote }, evidence },
    );
    return outcomes;
  },
});
