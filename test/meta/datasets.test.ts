// Every place a dataset must appear, checked for each one: its declaration registered with exactly
// one collector, read by a check, its actions read-only and in the generated policy, named in
// docs/checks.md, its operations served by the local AWS, and a collector test for its service.
// (test/wire/scan-e2e.test.ts proves each is collected from the wire organization.)

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.js';
import { datasetsOf } from '../../src/contract/check.js';
import { withDependencies, type AnyDataset } from '../../src/contract/dataset.js';
import { ec2Regions } from '../../src/datasets/ec2/datasets.js';
import { ALL_COLLECTORS, ALL_DATASETS } from '../../src/datasets/index.js';
import { isReadOnlyAction } from '../../src/policy/policy.js';
import * as fakeServices from '../fake-aws/services/index.js';

const ROOT = join(import.meta.dirname, '../..');
const DATASETS_DIR = join(ROOT, 'src/datasets');
const serviceFolders = readdirSync(DATASETS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

/** Every declaration exported by a service's datasets.ts, whether registered or not. */
async function declaredIn(folder: string): Promise<AnyDataset[]> {
  const module = (await import(pathToFileURL(join(DATASETS_DIR, folder, 'datasets.ts')).href)) as Record<string, unknown>;
  return Object.values(module).filter((v): v is AnyDataset => typeof v === 'object' && v !== null && 'scope' in v && 'actions' in v && 'id' in v);
}

const readDirectly = [...new Set(ALL_CHECKS.flatMap(datasetsOf))];
/** The scanner itself reads ec2.regions in every account. */
const readByChecks = new Set(withDependencies([ec2Regions, ...readDirectly]));
const policy = readFileSync(join(ROOT, 'deploy/partner-audit-policy.json'), 'utf8');
const checksMd = readFileSync(join(ROOT, 'docs/checks.md'), 'utf8');
const served = new Set(Object.values(fakeServices).flatMap((s) => Object.keys(s.handlers).map((op) => `${s.actionPrefix}:${op}`)));

/** The SDK operation behind an IAM action: the declared mapping, or the action's own name. */
function operationOf(dataset: AnyDataset, action: string): string {
  const mapped = Object.entries(dataset.operations ?? {}).find(([, a]) => a === action)?.[0];
  return `${action.split(':')[0]}:${mapped ?? action.split(':')[1]}`;
}

describe('datasets', () => {
  it('have unique ids', () => {
    const ids = ALL_DATASETS.map((d) => d.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it.each(serviceFolders)('%s: every declaration is registered with exactly one collector, its id prefixed by the folder', async (folder) => {
    const declared = await declaredIn(folder);
    expect(declared.length).toBeGreaterThan(0);
    for (const dataset of declared) {
      expect(ALL_COLLECTORS.filter((c) => c.dataset === dataset).length, `${dataset.id} collectors`).toBe(1);
      expect(dataset.id.startsWith(`${folder}.`), `${dataset.id} lives in src/datasets/${folder}`).toBe(true);
    }
  });

  it.each(readDirectly.map((d) => d.id))('%s: is named in docs/checks.md as a check\'s evidence', (id) => {
    expect(checksMd).toContain(`\`${id}\``);
  });

  it.each(serviceFolders)('%s: has a collector test in test/collectors', (folder) => {
    expect(existsSync(join(ROOT, `test/collectors/${folder}.test.ts`))).toBe(true);
  });

  describe.each(ALL_DATASETS.map((d) => [d.id, d] as const))('%s', (_id, dataset) => {
    it('is read by a check (directly or as a dependency)', () => {
      expect(readByChecks.has(dataset)).toBe(true);
    });

    it('needs only read-only actions, each in the generated policy', () => {
      expect(dataset.actions.filter((a) => !isReadOnlyAction(a))).toEqual([]);
      expect(dataset.actions.filter((a) => !policy.includes(`"${a}"`))).toEqual([]);
    });

    it('has every operation served by the local AWS in test/fake-aws', () => {
      expect(dataset.actions.map((a) => operationOf(dataset, a)).filter((op) => !served.has(op))).toEqual([]);
    });
  });
});
