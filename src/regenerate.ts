/** The one command that regenerates every derived file (indexes, docs/checks.md, deploy/). */
export const REGENERATE_COMMAND = 'npm run generate';
