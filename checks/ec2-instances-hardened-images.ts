import { ec2Instances, images } from '../src/datasets/ec2/datasets.js';
import type { Ec2Instance, ImageInfo } from '../src/datasets/ec2/datasets.js';
import { imagePipelines, type ImagePipelineInfo } from '../src/datasets/imagebuilder/datasets.js';
import { callerOrganization } from '../src/datasets/organizations/datasets.js';
import { associations, type AssociationInfo, type AssociationsEvidence } from '../src/datasets/statemanager/datasets.js';
import { defineCheck, type DatasetView, type Outcome } from '../src/contract/check.js';
import { partitionOf, regionalArn } from './lib/arn.js';
import { daysSince } from './lib/time.js';

const MESSAGES = {
  baseImage: 'Instance {id} runs {imageId} ({image}), a {relation} base image, not one built from your hardened baseline.',
  staleImage: 'Image {imageId} ({image}), run by {instances}, was created {days} days ago (limit {maxDays}): rebuild it with current patches.',
  imagePipelines: 'EC2 Image Builder pipelines build images in {region}: {pipelines}.{associations}{missing}',
  hardeningAssociations: 'State Manager associations apply hardening documents in {region}: {associations}.{missing}',
  attestHardening:
    'No enabled EC2 Image Builder pipeline and no State Manager association running a hardening document in {region} while {count} instance(s) run: attest your hardening mechanism (CIS or STIG baseline and how it reaches every instance).{associations}{missing}',
  noInstances: 'No running instances in {region}.',
} as const;

type MessageId = keyof typeof MESSAGES;

/** Components of a recipe, or SSM documents, that apply a hardening baseline (Amazon's STIG components and AWSEC2-ConfigureSTIG, CIS Marketplace components, your own CIS documents). */
const HARDENING = /stig|cis|harden/i;

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
  const hardening = p.components.filter((c) => HARDENING.test(c)).map((c) => c.split('/').at(-2) ?? c);
  return `${p.name}${hardening.length ? ` (hardening: ${hardening.join(', ')})` : ''}${p.dateLastRun ? `, last run ${p.dateLastRun.slice(0, 10)}` : ''}`;
}

function associationSummary(a: AssociationInfo): string {
  return `${a.documentName} on ${a.targets.join(' ') || 'no targets'}${a.scheduleExpression ? `, ${a.scheduleExpression}` : ''}${a.status ? ` (last ${a.status})` : ''}`;
}

/** Associations running a hardening document; a note when they could not be read. */
function hardeningAssociations(view: DatasetView<AssociationsEvidence>): { found: AssociationInfo[]; note: string } {
  if (!view.ok) return { found: [], note: ` State Manager associations could not be read (${view.error.code}).` };
  return { found: view.data.associations.filter((a) => HARDENING.test(a.documentName)), note: '' };
}

export default defineCheck({
  id: 'ec2-instances-hardened-images',
  title: 'Running instances come from hardened images that an automated pipeline keeps current',
  description:
    'For each running instance, reads its AMI (owner, owner alias, public flag, creation date). An instance launched from a base image ' +
    '(owned by Amazon or the AWS Marketplace, or public and owned outside the organization) warns; images owned by the account or shared ' +
    'from another account of the organization (organizations.callerOrganization) count as golden images. Each image in use that is older ' +
    'than ossec.maxAmiAgeDays warns. An AMI that no longer exists is listed as evidence, not judged. Enabled EC2 Image Builder pipelines, ' +
    'with their hardening components (names containing STIG, CIS or harden), are evidence of automation. Systems Manager State Manager ' +
    'associations running a hardening document are the same evidence; the documents counted are Amazon\'s AWSEC2-ConfigureSTIG and any ' +
    'document whose name contains STIG, CIS or harden (AWS publishes no CIS document: CIS hardening runs from your own or a Marketplace ' +
    'document). With instances running and neither such a pipeline nor such an association, the region warns "attest your hardening ' +
    'mechanism". Inspector CIS scans are attested.',
  requirements: { 'smb-competency': ['OSSEC-001'] },
  severity: 'medium',
  scope: 'region',
  uses: { instances: ec2Instances, images, pipelines: imagePipelines },
  optionalUses: { organization: callerOrganization, associations },
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
    const hardening = hardeningAssociations(input.optional.associations);
    const missingNote = missing.length ? ` The AMIs of ${missing.map((i) => `${i.instanceId} (${i.imageId ?? 'none'})`).join(', ')} no longer exist or are no longer shared.` : '';
    const evidence = {
      pipelines,
      hardeningAssociations: hardening.found,
      missingImages: missing.map((i) => ({ instanceId: i.instanceId, imageId: i.imageId })),
      organizationKnown: org.ok && org.data.memberAccountIds !== undefined,
      maxAmiAgeDays: maxDays,
    };
    const resource = regionalArn(input, 'imagebuilder', 'image-pipeline');
    const listed = hardening.found.map(associationSummary).join('; ');
    if (pipelines.length > 0) {
      const alsoAssociations = listed ? ` State Manager associations apply hardening too: ${listed}.` : hardening.note;
      const params = { region: input.region, pipelines: pipelines.map(pipelineSummary).join('; '), associations: alsoAssociations, missing: missingNote };
      outcomes.push({ status: 'PASS', messageId: 'imagePipelines', resource, params, evidence });
    } else if (listed) {
      outcomes.push({ status: 'PASS', messageId: 'hardeningAssociations', resource, params: { region: input.region, associations: listed, missing: missingNote }, evidence });
    } else {
      const params = { region: input.region, count: running.length, associations: hardening.note, missing: missingNote };
      outcomes.push({ status: 'WARN', messageId: 'attestHardening', resource, params, evidence });
    }
    return outcomes;
  },
});
