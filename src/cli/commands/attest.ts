// `partner-audit attest --init`: writes the attestations template for a checklist.

import { writeFile } from 'node:fs/promises';
import type { Command } from '../../vendor/commander.js';
import { renderAttestationTemplate } from '../../attest/template.js';
import { getChecklist } from '../../catalog/index.js';
import { UsageError } from '../../errors.js';

interface AttestOptions {
  init?: boolean;
  checklist?: string;
  out: string;
  force?: boolean;
}

export function register(program: Command): void {
  program
    .command('attest')
    .description('Write a commented attestations template: one entry per requirement a scanner cannot (fully) decide.')
    .option('--init', 'write the template')
    .option('--checklist <id>', 'checklist id, optionally @version (smb-competency, ftr-partner-hosted)', 'smb-competency')
    .option('--out <file>', 'where to write it', 'attestations.yaml')
    .option('--force', 'overwrite the file if it exists')
    .addHelpText(
      'after',
      `
Fill in the entries you can back with evidence, then pass the file to a scan with
\`attestations: <file>\` in the config. The format is described in docs/attestations.md.`,
    )
    .action(async (options: AttestOptions) => {
      if (!options.init) throw new UsageError('attest: nothing to do; use --init to write the template');
      await writeTemplate(options, new Date());
    });
}

export async function writeTemplate(options: Omit<AttestOptions, 'init'>, now: Date): Promise<void> {
  const checklist = getChecklist(options.checklist);
  const text = renderAttestationTemplate(checklist, now.toISOString().slice(0, 10));
  try {
    await writeFile(options.out, text, { flag: options.force ? 'w' : 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${options.out} already exists; use --force to overwrite it`);
    throw new UsageError(`cannot write ${options.out}: ${code ?? String(err)}`);
  }
  process.stderr.write(`wrote ${options.out} (${checklist.id}@${checklist.version})\n`);
}
