// Every checklist release the tool knows, as data. The checklist IDs derive from this list.

import { ftrPartnerHosted202602 } from './ftr-partner-hosted-2026-02.js';
import { smbCompetency202508 } from './smb-competency-2025-08.js';

export const CHECKLISTS = [smbCompetency202508, ftrPartnerHosted202602] as const;

export type ChecklistId = (typeof CHECKLISTS)[number]['id'];

export type { AppliesTo, AutomationLevel, Checklist, Requirement } from './types.js';
