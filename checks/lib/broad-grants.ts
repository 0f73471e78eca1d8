// What makes a customer role policy too broad (FTR CAA-007): an Allow of every action, or of a write
// action on every resource. Read actions are named by their verb (the same verbs as the audit
// role's own read-only policy); anything else, wildcards included, may write.

import type { PolicyStatement } from '../../src/datasets/policy-types.js';

const READ_VERBS = /^(Describe|Get|List|BatchGet|Lookup|Search|Select|Query|Scan|View|Test|Head)/;

/** AWS managed policies that grant everything, or everything but IAM. */
export const BROAD_MANAGED_POLICIES = new Set(['AdministratorAccess', 'PowerUserAccess']);

function mayWrite(action: string): boolean {
  const verb = action.split(':')[1] ?? action;
  return verb === '*' || !READ_VERBS.test(verb);
}

export interface BroadGrant {
  kind: 'allActions' | 'writeEverywhere';
  /** The actions at fault (`*`, `NotAction …`, or the write actions). */
  actions: string[];
}

export function broadGrant(statement: PolicyStatement): BroadGrant | undefined {
  if (statement.effect !== 'Allow') return undefined;
  if (statement.notAction) return { kind: 'allActions', actions: [`NotAction ${statement.notAction.join(', ')}`] };
  const actions = statement.action ?? [];
  if (actions.some((a) => a === '*')) return { kind: 'allActions', actions: ['*'] };
  const everywhere = statement.notResource !== undefined || (statement.resource ?? []).includes('*');
  const writes = actions.filter(mayWrite);
  return everywhere && writes.length > 0 ? { kind: 'writeEverywhere', actions: writes } : undefined;
}
