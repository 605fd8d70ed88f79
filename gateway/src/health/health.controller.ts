import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SupergraphService } from '../supergraph/supergraph.service';

/** `/health/live`: the process answers. `/health/ready`: supergraph composed and every subgraph answering. */
@Controller('health')
export class HealthController {
  constructor(private readonly supergraph: SupergraphService) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res() response: Response): Promise<void> {
    const report = await this.supergraph.readiness();
    response
      .status(report.ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: report.ready ? 'ok' : 'unavailable', supergraph: report.supergraph, subgraphs: report.subgraphs });
  }
}
