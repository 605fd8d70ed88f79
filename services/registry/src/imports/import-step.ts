import type { RecordAssetInput } from '../assets/asset.rules';
import type { EstablishRelationshipInput } from '../relationships/relationship.rules';

/**
 * One record an import creates, decided while validating and stored on the
 * job so that applying needs neither the input nor a second look at the
 * data. `id` is the record's deterministic id (deterministicId(jobId, …)):
 * applying a step twice finds the record instead of making another. `row` is
 * where the step came from (the CSV row, or the tie's position), for reports.
 */
export type ImportStep = PartnerStep | AssetStep | RelationshipStep;

export interface PartnerStep {
  readonly type: 'partner';
  readonly row: number;
  readonly id: string;
  readonly partner: {
    readonly name: string;
    readonly kind: string;
    /** ISO 3166-1 alpha-2, or null when the source does not say (twinning data gives no country). */
    readonly country: string | null;
    readonly wikidataId?: string;
  };
}

export interface AssetStep {
  readonly type: 'asset';
  readonly row: number;
  readonly id: string;
  readonly asset: RecordAssetInput;
}

export interface RelationshipStep {
  readonly type: 'relationship';
  readonly row: number;
  readonly id: string;
  /** partnerId is an existing partner's, or the id of a partner step earlier in the same job. */
  readonly relationship: EstablishRelationshipInput & { readonly partnerId: string };
}
