import { type DynamicModule, Module } from '@nestjs/common';
import type { FundingConfig } from '../config';
import { MailSender } from './mail-sender';
import { SmtpMailSender } from './smtp-mail-sender';

/** The mail sender, configured from funding's SMTP settings. */
@Module({})
export class MailModule {
  static forRoot(config: Pick<FundingConfig, 'SMTP_URL' | 'SMTP_USER' | 'SMTP_PASSWORD' | 'SMTP_REQUIRE_TLS' | 'MAIL_FROM'>): DynamicModule {
    return {
      module: MailModule,
      global: true,
      providers: [
        {
          provide: MailSender,
          useFactory: () => new SmtpMailSender({ url: config.SMTP_URL, user: config.SMTP_USER, password: config.SMTP_PASSWORD, requireTls: config.SMTP_REQUIRE_TLS, from: config.MAIL_FROM }),
        },
      ],
      exports: [MailSender],
    };
  }
}
