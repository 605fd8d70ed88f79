import { Injectable } from '@nestjs/common';
import type { SourceKind } from '../opportunities/opportunity';
import type { Connector } from './connector';
import { CsvConnector } from './csv/csv.connector';
import { EuFundingTendersConnector } from './eu-tenders/eu-tenders.connector';
import { FeedConnector } from './feeds/feed.connector';
import { GrantsGovExtractConnector } from './grants-gov/grants-gov.connector';
import { SimplerGrantsConnector } from './simpler-grants/simpler-grants.connector';

/** The reader of each kind of source. Adding a format: a Connector, a kind in SOURCE_KINDS, and a line here. */
@Injectable()
export class Connectors {
  private readonly byKind: Record<SourceKind, Connector> = {
    'grants-gov-extract': new GrantsGovExtractConnector(),
    'simpler-grants-gov': new SimplerGrantsConnector(),
    'eu-funding-tenders': new EuFundingTendersConnector(),
    feed: new FeedConnector(),
    csv: new CsvConnector(),
  };

  of(kind: SourceKind): Connector {
    return this.byKind[kind];
  }
}
