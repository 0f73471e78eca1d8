import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/contract/results.js';
import { asffReporter } from '../../src/report/asff.js';
import { findingId } from '../../src/report/findings.js';
import { ocsfReporter } from '../../src/report/ocsf.js';
import {
  ASFF_COMPLIANCE_STATUSES,
  ASFF_LIMITS,
  ASFF_RECORD_STATES,
  ASFF_REQUIRED,
  ASFF_SEVERITY_LABELS,
  ASFF_TYPE_NAMESPACES,
  ASFF_WORKFLOW_STATUSES,
} from '../fixtures/asff.js';
import { OCSF_COMPLIANCE_FINDING_REQUIRED, OCSF_COMPLIANCE_STATUS_IDS, OCSF_SEVERITY_IDS } from '../fixtures/ocsf-compliance-finding.js';
import { withFindings } from '../fixtures/report-input.js';
import { syntheticRun } from '../fixtures/synthetic-run.js';

type Json = Record<string, any>;

function at(value: Json, path: string): unknown {
  return path.split('.').reduce<any>((v, key) => (v === undefined || v === null ? undefined : v[key]), value);
}

const input = syntheticRun({ accounts: 2, regions: 2 });

function withLongFinding(): typeof input {
  const long: Finding = {
    ...input.results.findings[0]!,
    status: 'FAIL',
    message: 'x'.repeat(3000),
    requirementIds: Array.from({ length: 40 }, (_, i) => `REQ-${i}`),
  };
  return withFindings(input, [...input.results.findings, long]);
}

describe('OCSF Compliance Finding', () => {
  it('writes one event per finding with every required attribute', async () => {
    const events = JSON.parse((await ocsfReporter.render(input)) as string) as Json[];
    expect(events).toHaveLength(input.results.findings.length);
    for (const event of events) {
      for (const path of OCSF_COMPLIANCE_FINDING_REQUIRED) expect(at(event, path), path).not.toBeUndefined();
      expect(event.class_uid).toBe(2003);
      expect(event.category_uid).toBe(2);
      expect(event.type_uid).toBe(event.class_uid * 100 + event.activity_id);
      expect(OCSF_SEVERITY_IDS).toContain(event.severity_id);
      expect(Object.keys(OCSF_COMPLIANCE_STATUS_IDS).map(Number)).toContain(event.compliance.status_id);
      expect(Number.isInteger(event.time)).toBe(true);
    }
  });

  it('carries requirements, standard, status, account and resource of the finding', async () => {
    const events = JSON.parse((await ocsfReporter.render(input)) as string) as Json[];
    input.results.findings.forEach((finding, i) => {
      const event = events[i]!;
      expect(event.finding_info.uid).toBe(findingId(finding));
      expect(event.compliance.requirements).toEqual(finding.requirementIds);
      expect(event.compliance.standards).toEqual([`${input.checklist.title} (smb-competency 2025-08)`]);
      expect(event.compliance.status_code).toBe(finding.status);
      expect(event.cloud.account.uid).toBe(finding.accountId);
      expect(event.resources[0].uid).toBe(finding.resource);
      expect(event.unmapped.request_ids).toEqual(finding.requestIds);
      expect(event.time).toBe(Date.parse(input.results.finishedAt));
    });
    const byStatus = (status: string) => events.find((e) => e.compliance.status_code === status)!;
    expect(byStatus('PASS').compliance).toMatchObject({ status_id: 1, status: 'Pass' });
    expect(byStatus('FAIL').compliance).toMatchObject({ status_id: 3, status: 'Fail' });
    expect(byStatus('ERROR').compliance).toMatchObject({ status_id: 2, status: 'Warning' });
    expect(byStatus('PASS').severity_id).toBe(1);
    expect(byStatus('FAIL').severity_id).toBeGreaterThan(1);
  });

  it('writes an empty array when there are no findings', async () => {
    const empty = withFindings(input, []);
    expect(JSON.parse((await ocsfReporter.render(empty)) as string)).toEqual([]);
  });
});

describe('ASFF', () => {
  it('writes one finding per finding with the required fields and documented values', async () => {
    const findings = JSON.parse((await asffReporter.render(withLongFinding())) as string) as Json[];
    expect(findings).toHaveLength(input.results.findings.length + 1);
    for (const f of findings) {
      for (const key of ASFF_REQUIRED) expect(f[key], key).not.toBeUndefined();
      expect(f.SchemaVersion).toBe('2018-10-08');
      expect(f.ProductArn).toMatch(/^arn:aws:securityhub:[a-z0-9-]+:\d{12}:product\/\d{12}\/default$/);
      expect(f.AwsAccountId).toMatch(/^\d{12}$/);
      expect(ASFF_SEVERITY_LABELS).toContain(f.Severity.Label);
      expect(ASFF_COMPLIANCE_STATUSES).toContain(f.Compliance.Status);
      expect(ASFF_RECORD_STATES).toContain(f.RecordState);
      expect(ASFF_WORKFLOW_STATUSES).toContain(f.Workflow.Status);
      for (const type of f.Types) {
        expect(type.split('/')).toHaveLength(3);
        expect(ASFF_TYPE_NAMESPACES).toContain(type.split('/')[0]);
      }
      expect(new Date(f.CreatedAt).toISOString()).toBe(f.CreatedAt);
      expect(f.Title.length).toBeLessThanOrEqual(ASFF_LIMITS.Title);
      expect(f.Description.length).toBeLessThanOrEqual(ASFF_LIMITS.Description);
      expect(f.Id.length).toBeLessThanOrEqual(ASFF_LIMITS.Id);
      expect(f.Compliance.RelatedRequirements.length).toBeLessThanOrEqual(ASFF_LIMITS.RelatedRequirements);
      expect(f.Resources.length).toBeGreaterThan(0);
      expect(f.Resources.length).toBeLessThanOrEqual(ASFF_LIMITS.Resources);
      for (const r of f.Resources) expect(typeof r.Id === 'string' && typeof r.Type === 'string').toBe(true);
    }
    expect(new Set(findings.map((f) => f.Id)).size).toBe(input.results.findings.length);
  });

  it('maps statuses and requirements', async () => {
    const findings = JSON.parse((await asffReporter.render(input)) as string) as Json[];
    const expected = { PASS: 'PASSED', FAIL: 'FAILED', WARN: 'WARNING', ERROR: 'NOT_AVAILABLE', NOT_APPLICABLE: 'NOT_AVAILABLE' };
    input.results.findings.forEach((finding, i) => {
      expect(findings[i]!.Compliance.Status).toBe(expected[finding.status]);
      expect(findings[i]!.Compliance.RelatedRequirements).toEqual(finding.requirementIds.map((id) => `smb-competency/2025-08/${id}`));
      expect(findings[i]!.ProductFields['partner-audit/RequestIds']).toBe(finding.requestIds.join(' '));
    });
  });
});
