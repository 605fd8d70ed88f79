import { Controller, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { SavedSearchRepository } from '../searches/saved-search.repository';
import { escapeHtml } from './alert-mail';
import { linkPage } from './link-page';
import { ALERT_SETTINGS, type AlertSettings } from './alert-settings';
import { AlertEvaluator } from './alert-evaluator';
import { verifyUnsubscribe } from './link-token';

/**
 * `GET|POST /alerts/unsubscribe?token=…`: the link in every alert mail. No
 * sign-in — the signed token is the credential, and it names exactly one
 * search of one user, so it stops that search and nothing else. GET (a
 * person clicking) and POST (a mail client's RFC 8058 one-click) do the
 * same; doing it twice changes nothing. The gateway forwards this path.
 */
@Controller('alerts')
export class UnsubscribeController {
  constructor(
    private readonly searches: SavedSearchRepository,
    private readonly evaluator: AlertEvaluator,
    @Inject(ALERT_SETTINGS) private readonly settings: AlertSettings,
  ) {}

  @Get('unsubscribe')
  async byLink(@Query('token') token: string | undefined, @Res() response: Response): Promise<void> {
    await this.unsubscribe(token, response);
  }

  @Post('unsubscribe')
  @HttpCode(200)
  async oneClick(@Query('token') token: string | undefined, @Res() response: Response): Promise<void> {
    await this.unsubscribe(token, response);
  }

  private async unsubscribe(token: string | undefined, response: Response): Promise<void> {
    response.setHeader('cache-control', 'no-store');
    response.setHeader('referrer-policy', 'no-referrer');
    const claim = typeof token === 'string' ? verifyUnsubscribe(token, this.settings.linkSecret) : null;
    const found = claim ? await this.searches.byIdAcrossJurisdictions(claim.searchId, claim.ownerId) : null;
    if (!found) {
      response.status(404).type('html').send(linkPage('Link not valid', 'This unsubscribe link is not valid, or its search was deleted. Sign in to Entente to manage your saved searches.'));
      return;
    }
    await this.searches.unsubscribe(found.scope, found.record.searchId, found.record.unsubscribedAt ?? new Date());
    this.evaluator.invalidate();
    response
      .status(200)
      .type('html')
      .send(linkPage('Unsubscribed', `Your saved search “${escapeHtml(found.record.name)}” will send no more alerts. Your other searches keep going. To start this one again, open it in Entente and save it.`));
  }
}
