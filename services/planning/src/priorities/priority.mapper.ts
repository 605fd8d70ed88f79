import type { Page } from '@entente/persistence';
import type { PriorityCapView as CapView, PriorityOutcome } from './priority.service';
import type { Priority, PriorityCapView, PriorityConnection, PriorityResult } from './priority.model';
import type { PriorityRecord } from './priority.schema';

export function toPriority(record: PriorityRecord): Priority {
  return {
    id: record.priorityId,
    title: record.title,
    description: record.description,
    goalIds: [...record.goalIds],
    focus: record.focus,
    targetCountries: [...record.targetCountries],
    sectors: [...record.sectors],
    themes: [...record.themes],
    evidence: record.evidence.map(({ kind, recordId }) => ({ kind, recordId })),
    kpis: record.kpis.map(({ kpiId, name, unit, baseline, target, current }) => ({ kpiId, name, unit, baseline, target, current: current ?? null })),
    sdgs: [...record.sdgs],
    status: record.status,
    retiredReason: record.retiredReason,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export function toPriorityResult(outcome: PriorityOutcome): PriorityResult {
  return { priority: toPriority(outcome.priority), warnings: outcome.warnings };
}

export function toPriorityConnection(page: Page<PriorityRecord>): PriorityConnection {
  return { ...page, nodes: page.nodes.map(toPriority) };
}

export function toPriorityCap(cap: CapView): PriorityCapView {
  const { active, soft, hard, staffFte, rule, overridden } = cap;
  return { active, soft, hard, staffFte, rule, overridden };
}
