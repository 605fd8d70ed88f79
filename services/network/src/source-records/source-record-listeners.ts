import { Injectable } from '@nestjs/common';
import type { TenantScope } from '@entente/persistence';
import type { SourceRecordState } from './source-record';

/** Called after a record of the read model changed, with its state as it is now. */
export type SourceChangeHandler = (scope: TenantScope, record: SourceRecordState) => Promise<void>;

/**
 * How sharing (and later spotting) learns that a record changed, without the
 * read model knowing what is shared: each change is handed on once, after it
 * is stored, inside the consumed event's handling (so a failure retries it).
 */
@Injectable()
export class SourceRecordListeners {
  private readonly handlers: SourceChangeHandler[] = [];

  onChange(handler: SourceChangeHandler): void {
    this.handlers.push(handler);
  }

  async changed(scope: TenantScope, record: SourceRecordState): Promise<void> {
    for (const handler of this.handlers) await handler(scope, record);
  }
}
