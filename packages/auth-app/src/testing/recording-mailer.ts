import type { Mailer, OutgoingEmail } from '../ports/mailer.js';

/** A {@link Mailer} that keeps what it was asked to send, oldest first; `failing` makes every send throw. */
export class RecordingMailer implements Mailer {
  readonly sent: OutgoingEmail[] = [];
  failing = false;

  async send(email: OutgoingEmail): Promise<void> {
    if (this.failing) throw new Error('the mail server is unavailable');
    this.sent.push(email);
  }
}
