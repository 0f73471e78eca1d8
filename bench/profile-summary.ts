// Where a V8 CPU profile (`--cpu-prof`, e.g. `npm run bench -- --sizes 100 --cpu-prof prof/`) spent
// its time: self time by code area and the functions with the most self time.
//   node dist/bench/profile-summary.js <file.cpuprofile> [top=25]

import { readFile } from 'node:fs/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Our code, the SDK, the HTTP stack, V8 itself: what a change can reach. */
function areaOf(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : 'native';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg.startsWith('@aws-sdk/client-') ? '@aws-sdk/client-*' : pkg;
  if (url.startsWith('node:')) return 'node internals';
  const ours = /dist\/((?:src|checks|bench|test)\/[^/]+)/.exec(url)?.[1];
  return ours ?? url;
}

function top(map: Map<string, number>, n: number, total: number): string[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, us]) => `${(us / 1000).toFixed(0).padStart(8)} ms ${((us / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
}

async function main(): Promise<void> {
  const [file, count] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [top]');
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    total += us;
    const area = areaOf(frame.url, frame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
    const where = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, '')}:${frame.lineNumber + 1}`;
    functions.set(where, (functions.get(where) ?? 0) + us);
  });
  console.log(`${(total / 1000).toFixed(0)} ms sampled\n\nself time by area:`);
  console.log(top(areas, 20, total).join('\n'));
  console.log('\nfunctions with the most self time:');
  console.log(top(functions, Number(count ?? 25), total).join('\n'));
}

main().catch((err: unknown) => {
  console.error(`profile-summary: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
