import { Injectable } from '@nestjs/common';
import type { TenantScope } from '@entente/persistence';
import { PartnerRepository } from '../partners/partner.repository';
import { RelationshipRepository } from '../relationships/relationship.repository';
import type { RowProblem } from './csv-import';
import { KnownPartner, KnownTie, planAssetsCsv, planPartnersCsv, planRelationshipsCsv, PlanResult, planTies } from './import-plans';
import type { ClaimedJob } from './import-job.repository';
import { ImportTie, planTwinningImport } from './twinning-import-plan';
import { TwinningCatalogueRepository } from './twinning-catalogue.repository';
import { parseWikidataEntity } from './wikidata-entity';
import { ValidationError } from '@entente/errors';

/** Partners are read a page at a time (the largest page the repositories give out). */
const PARTNER_PAGE_SIZE = 100;

function problem(row: number, field: string, reason: string): PlanResult {
  return { ok: false, problems: [{ row, field, reason }] };
}

/** Half of a character (a UTF-16 surrogate without its partner). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The validating phase of a job: reads what the plan needs from the registry
 * (the jurisdiction's partners and ties, the catalogue) and hands it with the
 * job's input to the pure planners in import-plans.ts.
 */
@Injectable()
export class ImportPlanner {
  constructor(
    private readonly partners: PartnerRepository,
    private readonly relationships: RelationshipRepository,
    private readonly catalogue: TwinningCatalogueRepository,
  ) {}

  async plan(job: Pick<ClaimedJob, 'scope' | 'jobId' | 'kind' | 'input'>): Promise<PlanResult> {
    const scope = job.scope;
    const input = job.input ?? {};
    switch (job.kind) {
      case 'partners-csv':
        return planPartnersCsv(job.jobId, input['csv'] ?? '', await this.knownPartners(scope));
      case 'assets-csv':
        return planAssetsCsv(job.jobId, input['csv'] ?? '');
      case 'relationships-csv': {
        const partners = await this.knownPartners(scope);
        return planRelationshipsCsv(job.jobId, input['csv'] ?? '', partners, await this.knownTies(scope, partners));
      }
      case 'twinning-ties':
        return this.planCatalogueTies(job.jobId, scope, input['wikidataId'] ?? '');
      case 'wikidata-entity':
        return this.planEntity(job.jobId, scope, input['json'] ?? '');
      case 'twinning-catalogue':
        throw new Error('a catalogue load validates while it loads (TwinningCatalogueRepository.load); it has no plan');
    }
  }

  private async planCatalogueTies(jobId: string, scope: TenantScope, wikidataId: string): Promise<PlanResult> {
    const ties = await this.catalogue.tiesOf(wikidataId);
    if (ties === null) return problem(0, 'wikidataId', 'the twinning catalogue has not been loaded; a platform-admin loads it first');
    return this.planTwinning(jobId, scope, wikidataId, ties, []);
  }

  /** One city's Special:EntityData JSON; counterparts are named from the catalogue where it knows them, else by QID. */
  private async planEntity(jobId: string, scope: TenantScope, json: string): Promise<PlanResult> {
    let document: unknown;
    try {
      document = JSON.parse(json);
    } catch (error) {
      // V8's message quotes the input, cut at a UTF-16 unit: half an emoji would come back as U+FFFD (the fuzz's seed 3203824281 found it).
      return problem(1, 'json', `is not JSON: ${(error as Error).message.replace(LONE_SURROGATE, '')}`);
    }
    let entity: ReturnType<typeof parseWikidataEntity>;
    try {
      entity = parseWikidataEntity(document);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return { ok: false, problems: error.problems.map((p) => ({ row: 1, field: p.field, reason: p.message })) };
    }
    const labels = await this.catalogue.labelsOf(entity.ties.map((tie) => tie.counterpartQid));
    const ties: ImportTie[] = entity.ties.map((tie) => ({ ...tie, counterpartLabel: labels.get(tie.counterpartQid) ?? tie.counterpartQid }));
    const skippedClaims = entity.skipped.map((claim) => ({ row: claim.index + 1, field: 'P190', reason: `claim left out: ${claim.reason}` }));
    return this.planTwinning(jobId, scope, entity.qid, ties, skippedClaims);
  }

  private async planTwinning(jobId: string, scope: TenantScope, jurisdictionQid: string, ties: readonly ImportTie[], extraNotes: RowProblem[]): Promise<PlanResult> {
    const partners = await this.knownPartners(scope);
    const related = await this.knownTies(scope, partners);
    const twinning = planTwinningImport({
      jurisdictionQid,
      ties,
      existingPartners: partners,
      partnersWithRelationship: new Set(related.map((tie) => tie.partnerId)),
    });
    const position = new Map<string, number>();
    ties.forEach((tie, index) => {
      if (!position.has(tie.counterpartQid)) position.set(tie.counterpartQid, index + 1);
    });
    const result = planTies(jobId, twinning, (qid) => position.get(qid) ?? 0);
    if (!result.ok || extraNotes.length === 0) return result;
    return { ok: true, plan: { ...result.plan, notes: [...extraNotes, ...result.plan.notes], skipped: result.plan.skipped + extraNotes.length } };
  }

  private async knownPartners(scope: TenantScope): Promise<KnownPartner[]> {
    const partners: KnownPartner[] = [];
    let after: string | null = null;
    do {
      const page = await this.partners.list(scope, { first: PARTNER_PAGE_SIZE, after });
      for (const partner of page.nodes) {
        partners.push({ partnerId: partner.partnerId, name: partner.name, country: partner.country, wikidataId: partner.wikidataId ?? null });
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    return partners;
  }

  private async knownTies(scope: TenantScope, partners: readonly KnownPartner[]): Promise<KnownTie[]> {
    if (partners.length === 0) return [];
    const relationships = await this.relationships.withPartners(scope, partners.map((partner) => partner.partnerId));
    return relationships.map((relationship) => ({ partnerId: relationship.partnerId, type: relationship.type }));
  }
}
