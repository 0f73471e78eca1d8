// The tool's identity, read once from package.json so reports and manifests cannot disagree with it.
// Works from src/ (tests run the sources) and from dist/src/ (the built CLI).

import { existsSync, readFileSync } from 'node:fs';

interface PackageJson {
  name: string;
  version: string;
}

function readOwnPackageJson(): PackageJson {
  for (const relative of ['../package.json', '../../package.json']) {
    const url = new URL(relative, import.meta.url);
    if (!existsSync(url)) continue;
    const parsed = JSON.parse(readFileSync(url, 'utf8')) as PackageJson;
    if (parsed.name === 'partner-audit') return parsed;
  }
  throw new Error('package.json of partner-audit not found');
}

const packageJson = readOwnPackageJson();

export const TOOL = { name: packageJson.name, version: packageJson.version } as const;
