// Who an event is from and whose bus it reaches. An event is built for an identity: `account` is its
// top-level account field, `subject` the account it concerns (GuardDuty's detail.accountId, Health's
// detail.affectedAccount, a Security Hub finding's AwsAccountId). They differ only when AWS delivers a
// member's event to a central account: the GuardDuty or Security Hub administrator, or the Health
// organizational-view account. A forwarded event keeps the identity it had.

export interface EventIdentity {
  /** The top-level `account` field. */
  account: string;
  /** The account the event is about. */
  subject: string;
  region: string;
}

export function ownIdentity(accountId: string, region: string): EventIdentity {
  return { account: accountId, subject: accountId, region };
}

/** A member's event as AWS delivers it to a central account's bus (the bus owner's account on top). */
export function deliveredIdentity(member: string, central: string, region: string): EventIdentity {
  return { account: central, subject: member, region };
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
