import type { AppliesTo } from '../contract/checklists/types.js';

/** How the checklists spell each deployment model. */
export const APPLIES_TO_LABEL: Record<AppliesTo, string> = { saas: 'SaaS', 'customer-deployed': 'Customer Deployed' };
