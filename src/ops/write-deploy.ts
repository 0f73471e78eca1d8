// Generates the committed deploy/ files from the code. Run `npm run build && node
// dist/src/ops/write-deploy.js`; test/ops/deploy-files.test.ts fails when they are stale.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildPolicyDocument, policyActions } from './policy.js';
import { roleCloudFormation } from './role-cloudformation.js';
import { roleTerraform } from './role-terraform.js';
import { scheduleCloudFormation } from './schedule-cloudformation.js';
import { neededActions } from './selection.js';

/** Repository-relative path → content, for the full check set. */
export function deployFiles(): Record<string, string> {
  const policy = buildPolicyDocument(policyActions(neededActions({})));
  return {
    'deploy/partner-audit-policy.json': `${JSON.stringify(policy, null, 2)}\n`,
    'deploy/partner-audit-role.cfn.yaml': roleCloudFormation(policy),
    'deploy/partner-audit-role.tf': roleTerraform(policy),
    'deploy/aws-schedule/partner-audit-schedule.cfn.yaml': scheduleCloudFormation(policy),
  };
}

export async function writeDeployFiles(repoRoot: string): Promise<string[]> {
  const files = Object.entries(deployFiles());
  for (const [path, content] of files) {
    const target = join(repoRoot, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return files.map(([path]) => path);
}

// dist/src/ops/write-deploy.js → repository root is three levels up.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  for (const path of await writeDeployFiles(root)) console.log(`wrote ${path}`);
}
