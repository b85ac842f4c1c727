import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One email as the SMTP server received it. */
export interface ReceivedEmail {
  readonly to: string;
  readonly subject: string;
  readonly messageId: string;
  /** The text part, decoded. */
  readonly text: string;
}

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 that keeps every email it accepts. It can stop
 * listening and start again on the same port, as a mail server that goes down and comes back.
 */
export interface SmtpInbox {
  readonly url: string;
  readonly emails: ReceivedEmail[];
  /** The emails sent to `to`, oldest first. */
  to(to: string): ReceivedEmail[];
  /** Waits until `count` emails went to `to` (default: one), then returns them. */
  waitFor(to: string, count?: number, timeoutMs?: number): Promise<ReceivedEmail[]>;
  /** The token of the link in the newest email to `to`. */
  tokenFor(to: string): Promise<string>;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

function header(head: string, name: string): string {
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return (match?.[1] ?? '').replace(/\r?\n[ \t]/g, ' ').trim();
}

function parse(raw: string): ReceivedEmail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  let body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  if (/quoted-printable/i.test(header(head, 'Content-Transfer-Encoding'))) {
    body = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
  return {
    to: header(head, 'To'),
    subject: header(head, 'Subject'),
    messageId: header(head, 'Message-ID'),
    text: body.replace(/\r\n/g, '\n'),
  };
}

/** Starts an inbox on a free port (or `port`). */
export async function startSmtpInbox(port = 0): Promise<SmtpInbox> {
  const emails: ReceivedEmail[] = [];
  let server: SMTPServer | undefined;
  let boundPort = port;
  const listen = async () => {
    const next = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          emails.push(parse(Buffer.concat(chunks).toString('utf8')));
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(boundPort, '127.0.0.1', () => resolve());
    });
    boundPort = (next.server.address() as AddressInfo).port;
    server = next;
  };
  const stop = async () => {
    const current = server;
    server = undefined;
    if (current !== undefined) await new Promise<void>((resolve) => current.close(() => resolve()));
  };
  await listen();
  const to = (address: string) => emails.filter((email) => email.to.includes(address));
  const waitFor = async (address: string, count = 1, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (to(address).length < count) {
      if (Date.now() > deadline)
        throw new Error(`${to(address).length} of ${count} emails to ${address} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return to(address);
  };
  return {
    url: `smtp://127.0.0.1:${boundPort}`,
    emails,
    to,
    waitFor,
    async tokenFor(address) {
      const latest = (await waitFor(address)).at(-1);
      const token = /token=([^\s]+)/.exec(latest?.text ?? '')?.[1];
      if (token === undefined) throw new Error(`no link in the email to ${address}`);
      return token;
    },
    down: stop,
    up: listen,
    close: stop,
  };
}
