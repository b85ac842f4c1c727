/**
 * `AMQP_URL` names one RabbitMQ node or, comma-separated, the nodes of a cluster:
 * `amqp://user:pass@rabbit-1:5672/vhost,amqp://user:pass@rabbit-2:5672/vhost`. Every entry is a whole URL and
 * they differ only in host and port (one user, password, vhost and set of parameters for the cluster).
 */
export interface AmqpNodes {
  /** The first entry: credentials, vhost, TLS (`amqps:`) and parameters for every node. */
  readonly url: string;
  /** `host:port` of every node, in the order given; the connection tries them in turn. */
  readonly hosts: readonly string[];
}

const DEFAULT_PORT: Readonly<Record<string, string>> = { 'amqp:': '5672', 'amqps:': '5671' };

/** What every node of one list must share: all but host and port. */
const sharedPart = (url: URL): string =>
  [url.protocol, url.username, url.password, url.pathname, url.search].join('\n');

/** Why `value` is not a valid node list, or `undefined` when it is. */
export function amqpNodesProblem(value: string): string | undefined {
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.some((entry) => entry === '')) return 'has an empty entry in its comma-separated list';
  if (!entries.every((entry) => URL.canParse(entry)))
    return 'must be a URL (or a comma-separated list of them)';
  const urls = entries.map((entry) => new URL(entry));
  if (!urls.every((url) => url.protocol in DEFAULT_PORT)) return 'must start with amqp:// or amqps://';
  const first = urls[0];
  if (first !== undefined && !urls.every((url) => sharedPart(url) === sharedPart(first))) {
    return 'lists nodes that differ in more than host and port (scheme, user, password, vhost and parameters must match)';
  }
  return undefined;
}

/** The nodes of a valid `AMQP_URL` (see {@link amqpNodesProblem}); throws on an invalid one. */
export function amqpNodes(value: string): AmqpNodes {
  const problem = amqpNodesProblem(value);
  if (problem !== undefined) throw new Error(`AMQP_URL ${problem}`);
  const urls = value.split(',').map((entry) => new URL(entry.trim()));
  return {
    url: urls[0]?.href ?? value,
    hosts: urls.map((url) => `${url.hostname}:${url.port || DEFAULT_PORT[url.protocol]}`),
  };
}
