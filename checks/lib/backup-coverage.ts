// Whether AWS Backup or Data Lifecycle Manager covers an EBS volume (BAR-001). AWS Backup lists an
// EC2 instance's recovery points under the instance; they are AMIs, and creating an AMI snapshots
// every EBS volume attached to the instance
// (https://docs.aws.amazon.com/prescriptive-guidance/latest/backup-recovery/new-ebs-volume-backups.html).
// A DLM policy covers a volume its target tags (or a default policy) reach, directly or through the instance.

import type { LifecyclePolicyInfo } from '../../src/datasets/dlm/datasets.js';
import type { Ec2Instance, VolumeInfo } from '../../src/datasets/ec2/datasets.js';

/** Device names EC2 gives root volumes; a default policy that excludes boot volumes leaves these out. */
const ROOT_DEVICES = new Set(['/dev/xvda', '/dev/sda1', '/dev/sda']);

type Tags = Record<string, string>;
type TagList = { key: string; value: string }[];

const carriesAny = (tags: Tags, list: TagList) => list.some((t) => tags[t.key] === t.value);

/** The policies that snapshot volumes or image instances (event-based policies only copy snapshots). */
function creating(policies: LifecyclePolicyInfo[]): LifecyclePolicyInfo[] {
  return policies.filter((p) => p.state === 'ENABLED' && p.policyType !== 'EVENT_BASED_POLICY');
}

function coversVolume(policy: LifecyclePolicyInfo, volume: VolumeInfo): boolean {
  if (!policy.resourceTypes.includes('VOLUME')) return false;
  if (!policy.defaultPolicy) return carriesAny(volume.tags, policy.targetTags);
  const excluded = policy.exclusions;
  if (carriesAny(volume.tags, excluded?.excludeTags ?? [])) return false;
  if (volume.volumeType && excluded?.excludeVolumeTypes?.includes(volume.volumeType)) return false;
  return !(excluded?.excludeBootVolumes && volume.attachments.some((a) => ROOT_DEVICES.has(a.device ?? '')));
}

function coversInstance(policy: LifecyclePolicyInfo, instance: Ec2Instance): boolean {
  if (!policy.resourceTypes.includes('INSTANCE')) return false;
  const tags = instance.tags ?? {};
  if (policy.defaultPolicy) return !carriesAny(tags, policy.exclusions?.excludeTags ?? []);
  return carriesAny(tags, policy.targetTags);
}

/** How the volume is backed up, or undefined when nothing covers it. */
export function volumeCoverage(
  volume: VolumeInfo,
  instances: Ec2Instance[],
  protectedArns: ReadonlySet<string>,
  policies: LifecyclePolicyInfo[],
): string | undefined {
  if (protectedArns.has(volume.arn)) return 'AWS Backup (volume)';
  const attached = instances.filter((i) => volume.attachments.some((a) => a.instanceId === i.instanceId));
  const viaInstance = attached.find((i) => protectedArns.has(i.arn));
  if (viaInstance) return `AWS Backup (instance ${viaInstance.instanceId})`;
  for (const policy of creating(policies)) {
    if (coversVolume(policy, volume)) return `DLM policy ${policy.policyId}`;
    const instance = attached.find((i) => coversInstance(policy, i));
    if (instance) return `DLM policy ${policy.policyId} (instance ${instance.instanceId})`;
  }
  return undefined;
}
