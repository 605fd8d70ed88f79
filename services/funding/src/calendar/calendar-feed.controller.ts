import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CalendarFeedService } from './calendar-feed.service';

/**
 * `GET /calendar/<secret>.ics`: the feed a calendar app subscribes to. No
 * sign-in: the secret in the URL is the credential, so an unknown one
 * answers 404 like a path that does not exist, and the answer is never
 * cached by a shared cache.
 */
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Get(':file')
  async feed(@Param('file') file: string, @Res() response: Response): Promise<void> {
    const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : '';
    const body = token ? await this.feeds.render(token) : null;
    response.setHeader('cache-control', 'private, no-store');
    response.setHeader('referrer-policy', 'no-referrer');
    if (body === null) {
      response.status(404).type('text/plain').send('No calendar at this address: the link may have been revoked or rotated.');
      return;
    }
    response.status(200).setHeader('content-type', 'text/calendar; charset=utf-8');
    response.setHeader('content-disposition', 'inline; filename="funding-deadlines.ics"');
    response.send(body);
  }
}
