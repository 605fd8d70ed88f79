import { Injectable } from '@nestjs/common';
import type { Identity } from '@entente/auth';
import { ConflictError, NotFoundError } from '@entente/errors';
import type { Page, PageArgs } from '@entente/persistence';
import { Problems } from '@entente/validation';
import { ScoutingRunner } from './scouting.runner';
import { type ListedSource, SourceRepository } from '../sources/source.repository';
import { parseSourceFields, parseSourceId, type SourceInput } from '../sources/source.rules';
import type { SourceRecord } from '../sources/source.schema';

/**
 * Sources of opportunities, managed by platform admins. A scheduled source is
 * first run at once, then every `scheduleMinutes`; disabling one stops its
 * schedule (its opportunities stay).
 */
@Injectable()
export class SourceAdminService {
  constructor(
    private readonly sources: SourceRepository,
    private readonly runner: ScoutingRunner,
  ) {}

  list(args: PageArgs): Promise<Page<ListedSource>> {
    return this.sources.list(args);
  }

  async get(sourceId: string): Promise<SourceRecord> {
    const source = await this.sources.get(sourceId);
    if (!source) throw new NotFoundError('Funding source', sourceId);
    return source;
  }

  async add(identity: Identity, input: SourceInput): Promise<SourceRecord> {
    const fields = parseSourceFields(input);
    const problems = new Problems();
    const sourceId = parseSourceId(problems, input.sourceId, fields.name);
    problems.throwIfAny();
    const now = new Date();
    const source: SourceRecord = {
      ...fields,
      sourceId: sourceId!,
      enabled: true,
      nextRunAt: fields.scheduleMinutes ? now : null,
      validators: { etag: null, lastModified: null },
      createdAt: now,
      updatedAt: now,
      createdBy: identity.username,
    };
    if (!(await this.sources.create(source))) throw new ConflictError(`A funding source with id ${source.sourceId} exists already; choose another sourceId`);
    if (source.nextRunAt) this.runner.kick();
    return source;
  }

  /** Changes what is given; a new URL or kind forgets the validators, so the next run reads the source in full. */
  async update(sourceId: string, input: SourceInput): Promise<SourceRecord> {
    const current = await this.get(sourceId);
    const fields = parseSourceFields(input, current);
    const moved = fields.url !== current.url || fields.kind !== current.kind;
    const rescheduled = fields.scheduleMinutes !== current.scheduleMinutes;
    const set: Partial<SourceRecord> = { ...fields, updatedAt: new Date() };
    if (moved) set.validators = { etag: null, lastModified: null };
    if (rescheduled) set.nextRunAt = current.enabled && fields.scheduleMinutes ? new Date() : null;
    const updated = await this.sources.update(sourceId, set);
    if (!updated) throw new NotFoundError('Funding source', sourceId);
    if (rescheduled && updated.nextRunAt) this.runner.kick();
    return updated;
  }

  async setEnabled(sourceId: string, enabled: boolean): Promise<SourceRecord> {
    const current = await this.get(sourceId);
    const updated = await this.sources.update(sourceId, { enabled, nextRunAt: enabled && current.scheduleMinutes ? new Date() : null, updatedAt: new Date() });
    if (!updated) throw new NotFoundError('Funding source', sourceId);
    if (updated.nextRunAt) this.runner.kick();
    return updated;
  }
}
