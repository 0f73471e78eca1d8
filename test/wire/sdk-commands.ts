// Every AWS SDK operation the code can send, found statically: each `…Command` and `paginate…`
// binding imported from an `@aws-sdk/client-*` package, or destructured from its `sdkModule(…)`
// load (src/aws/sdk-module.ts), anywhere in src/ or checks/.

import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ANY_SDK_MODULE, SDK_MODULE, sourceFiles } from '../../src/generate/sdk-loads.js';

/** SDK client packages whose IAM action prefix is not the package's own name (the allowed calls name these). */
const ACTION_PREFIX: Record<string, string> = {
  '@aws-sdk/client-config-service': 'config',
  '@aws-sdk/client-eventbridge': 'events',
};

/** `@aws-sdk/client-ec2` → `ec2`; reads are judged by their verb, whatever the prefix. */
function prefixOf(pkg: string): string {
  return ACTION_PREFIX[pkg] ?? pkg.replace(/^@aws-sdk\/client-/, '');
}

const READ = /^[a-z0-9-]+:(Describe|List|Get|BatchGet)[A-Z]\w*$/;
const ALSO_ALLOWED = new Set([
  'events:TestEventPattern',
  'sts:AssumeRole',
  'sts:GetCallerIdentity',
  'iam:GenerateCredentialReport',
  'cloudtrail:LookupEvents',
  // API Gateway authorizes every read as its HTTP verb.
  'apigateway:GET',
]);

/** Reads, plus the calls the audit needs that are not named like reads (LookupEvents searches CloudTrail's event history). */
export function isAllowedAction(action: string): boolean {
  return READ.test(action) || ALSO_ALLOWED.has(action);
}

export interface SdkUse {
  file: string;
  pkg: string;
  /** `iam:ListAccessKeys`. */
  action: string;
}

// SDK_MODULE's empty first group lines its captures up with IMPORT's: a load has no type-only form.
const IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+['"](@aws-sdk\/client-[\w-]+)['"]/g;
const NAMESPACE_IMPORT = /import\s+\*\s+as\s+\w+\s+from\s+['"]@aws-sdk\/client-/;
const DYNAMIC_IMPORT = /(import|require)\(\s*['"]@aws-sdk\/client-/;

function operationOf(binding: string): string | undefined {
  if (binding.endsWith('Command') && binding !== 'Command') return binding.slice(0, -'Command'.length);
  if (/^paginate[A-Z]/.test(binding)) return binding.slice('paginate'.length);
  return undefined;
}

export function sdkUses(root: string, dirs: string[]): { uses: SdkUse[]; unscannable: string[] } {
  const uses: SdkUse[] = [];
  const unscannable: string[] = [];
  for (const path of sourceFiles(root, dirs)) {
    const text = readFileSync(path, 'utf8');
    const file = relative(root, path);
    const loads = [...text.matchAll(SDK_MODULE)];
    const unreadLoads = [...text.matchAll(ANY_SDK_MODULE)].length !== loads.length;
    if (NAMESPACE_IMPORT.test(text) || DYNAMIC_IMPORT.test(text) || unreadLoads) unscannable.push(file);
    for (const match of [...text.matchAll(IMPORT), ...loads]) {
      if (match[1]) continue; // type-only imports send nothing
      const pkg = match[3] ?? '';
      for (const raw of (match[2] ?? '').split(',')) {
        const binding = raw.replace(/^\s*type\s+/, '').split(/\s+as\s+|:/)[0]?.trim() ?? '';
        if (raw.trim().startsWith('type ')) continue;
        const operation = operationOf(binding);
        if (operation) uses.push({ file, pkg, action: `${prefixOf(pkg)}:${operation}` });
      }
    }
  }
  return { uses, unscannable };
}
