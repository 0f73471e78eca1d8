import { describe, expect, test } from 'vitest';
import { defineDataset, type AnyDataset, type DatasetScope } from '../../src/contract/dataset.js';
import { ec2Instances, ec2Regions } from '../../src/datasets/ec2/datasets.js';
import { buildPlan, regionsFor } from '../../src/collect/plan.js';
import { defineCheck, type AnyCheck } from '../../src/contract/check.js';

const c = (id: string, scope: DatasetScope, dependsOn?: AnyDataset[]): AnyDataset =>
  defineDataset({ id, scope, actions: [], ...(dependsOn ? { dependsOn } : {}) });

const orgWide = c('org.thing', 'organization');
const iamReport = c('iam.report', 'global');
const iamKeys = c('iam.keys', 'global', [iamReport]);
const templates = c('ec2.templates', 'regional');
const images = c('ec2.images', 'regional', [templates]);
const health = c('health.events', 'regional');
const detectors = c('guardduty.detectors', 'regional');
const unused = c('unused', 'regional');

function check(id: string, uses: Record<string, AnyDataset>, extra: Partial<AnyCheck> = {}): AnyCheck {
  return defineCheck({
    id,
    title: id,
    description: id,
    requirements: {},
    severity: 'low',
    remediation: '',
    docsUrl: '',
    messages: {},
    scope: 'account',
    uses,
    evaluate: () => [],
    ...extra,
  } as never);
}

describe('buildPlan', () => {
  const plan = buildPlan([
    check('a', { keys: iamKeys, org: orgWide }),
    check('b', { images }),
    check('c', { health }, { regions: { only: ['us-east-1'] } }),
    check('d', { detectors }, { regions: { always: ['us-east-1'] } }),
    check('e', {}, { optionalUses: { detectors } } as Partial<AnyCheck>),
  ]);

  test('splits by scope, adds dependencies, lists regions first, and probes every region in scope with ec2.instances', () => {
    expect(plan.regions).toBe(ec2Regions);
    expect(plan.probe).toBe(ec2Instances);
    expect(plan.regional.find((x) => x.dataset === ec2Instances)).toMatchObject({ inScope: true });
    expect(plan.organization.map((x) => x.id)).toEqual(['org.thing']);
    expect(plan.global.map((x) => x.id).sort()).toEqual(['iam.keys', 'iam.report']);
    expect(plan.regional.map((x) => x.dataset.id).sort()).toEqual(['ec2.images', 'ec2.instances', 'ec2.templates', 'guardduty.detectors', 'health.events']);
    expect(plan.regional.some((x) => x.dataset === unused)).toBe(false);
  });

  test('regional collectors: in scope, plus always regions, or only the only regions; never a disabled region', () => {
    const account = { regions: ['eu-west-1'], enabled: ['eu-west-1', 'us-east-1'] };
    const where = (id: string) => regionsFor(plan.regional.find((x) => x.dataset.id === id)!, account);
    expect(where('ec2.images')).toEqual(['eu-west-1']);
    expect(where('ec2.templates')).toEqual(['eu-west-1']);
    expect(where('health.events')).toEqual(['us-east-1']);
    expect(where('guardduty.detectors')).toEqual(['eu-west-1', 'us-east-1']);
    expect(regionsFor(plan.regional.find((x) => x.dataset.id === 'health.events')!, { regions: ['eu-west-1'], enabled: ['eu-west-1'] })).toEqual([]);
  });

  test('a collector used both with and without `only` runs in scope and in the only regions', () => {
    const both = buildPlan([check('x', { health }, { regions: { only: ['us-east-1'] } }), check('y', { health })]);
    expect(regionsFor(both.regional.find((x) => x.dataset === health)!, { regions: ['eu-west-1'], enabled: ['eu-west-1', 'us-east-1'] })).toEqual(['eu-west-1', 'us-east-1']);
  });
});
