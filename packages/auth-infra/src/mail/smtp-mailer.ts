import type { Mailer, OutgoingEmail } from '@contextflow/auth-app';
import { createTransport, type Transporter } from 'nodemailer';

/** Bounds on one SMTP conversation, so a server that hangs fails the send (and it is retried) instead of holding it. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as const;

/**
 * {@link Mailer} over SMTP (nodemailer), one connection per email. The email's id becomes its `Message-ID`
 * (`<id@contextflow>`), so a server or inbox can recognise the same email sent again.
 */
export class SmtpMailer implements Mailer {
  readonly #transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.#transport = createTransport({ url: smtpUrl, ...TIMEOUTS });
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.#transport.sendMail({
      from: this.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      messageId: `<${email.id}@contextflow>`,
    });
  }

  /** Closes pooled connections, if any. */
  close(): void {
    this.#transport.close();
  }
}
