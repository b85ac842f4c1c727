import type { Mailer, OutgoingEmail } from '@contextflow/auth-app';
import type { Logger } from '@contextflow/core-infra';

/**
 * {@link Mailer} for development without `SMTP_URL` (production refuses to start without it): each email, its
 * link included, is one info line, so a developer can follow the link from the log.
 */
export class LoggingMailer implements Mailer {
  constructor(private readonly logger: Logger | undefined) {}

  async send(email: OutgoingEmail): Promise<void> {
    this.logger?.info(
      { emailId: email.id, to: email.to, subject: email.subject, body: email.text },
      'email not sent (SMTP_URL is not set); its text follows',
    );
  }
}
