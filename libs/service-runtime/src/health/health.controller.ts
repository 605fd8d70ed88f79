import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { READINESS_CHECKS, ReadinessCheck } from './readiness-check';

/** `/health/live`: the process answers. `/health/ready`: its dependencies answer too. */
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res() response: Response): Promise<void> {
    const results = await Promise.all(
      this.checks.map(async (check) => {
        const ok = await withTimeout(check.isReady(), 2000).catch(() => false);
        return [check.name, ok ? 'up' : 'down'] as const;
      }),
    );
    const ready = results.every(([, state]) => state === 'up');
    response
      .status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: ready ? 'ok' : 'unavailable', checks: Object.fromEntries(results) });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
