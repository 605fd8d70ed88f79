import { Controller, Get, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { escapeHtml } from '../alerts/alert-mail';
import { ALERT_SETTINGS, type AlertSettings } from '../alerts/alert-settings';
import { linkPage } from '../alerts/link-page';
import { verifyUnfollow } from '../alerts/link-token';
import { FollowService } from './follow.service';

/**
 * `GET|POST /alerts/unfollow?token=…`: the link in a followed call's mail
 * (change alerts, deadline reminders). No sign-in — the signed token names
 * exactly one follow of one user, so it stops that follow and nothing else:
 * no more alerts or reminders for that call, and its queued mail is dropped.
 * GET (a person clicking) and POST (a mail client's RFC 8058 one-click) do
 * the same; a second time says it is stopped already. The gateway forwards
 * this path.
 */
@Controller('alerts')
export class UnfollowLinkController {
  constructor(
    private readonly follows: FollowService,
    @Inject(ALERT_SETTINGS) private readonly settings: AlertSettings,
  ) {}

  @Get('unfollow')
  async byLink(@Query('token') token: string | undefined, @Res() response: Response): Promise<void> {
    await this.unfollow(token, response);
  }

  @Post('unfollow')
  @HttpCode(200)
  async oneClick(@Query('token') token: string | undefined, @Res() response: Response): Promise<void> {
    await this.unfollow(token, response);
  }

  private async unfollow(token: string | undefined, response: Response): Promise<void> {
    response.setHeader('cache-control', 'no-store');
    response.setHeader('referrer-policy', 'no-referrer');
    const claim = typeof token === 'string' ? verifyUnfollow(token, this.settings.linkSecret) : null;
    if (!claim) {
      response.status(404).type('html').send(linkPage('Link not valid', 'This link is not valid. Sign in to Entente to manage the calls you follow (Funding, followed calls).'));
      return;
    }
    const removed = await this.follows.unfollowByLink(claim.followId, claim.ownerId);
    const message = removed
      ? `You no longer follow “${escapeHtml(removed.title)}”: no more change alerts or deadline reminders for it. The other calls you follow and your saved searches keep going. To follow it again, open it in Entente.`
      : 'You do not follow this call any more, so it sends you nothing. To follow it again, open it in Entente.';
    response.status(200).type('html').send(linkPage('Stopped following', message));
  }
}
