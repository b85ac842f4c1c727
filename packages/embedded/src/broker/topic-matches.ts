/**
 * Whether a routing key matches a topic binding pattern, as a RabbitMQ topic exchange decides it: words are
 * separated by dots, `*` stands for exactly one word and `#` for zero or more words.
 */
export function topicMatches(pattern: string, routingKey: string): boolean {
  const p = pattern.split('.');
  const k = routingKey.split('.');
  const seen = new Map<number, boolean>();
  const from = (i: number, j: number): boolean => {
    const key = i * (k.length + 1) + j;
    const known = seen.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === p.length) result = j === k.length;
    else if (p[i] === '#') result = from(i + 1, j) || (j < k.length && from(i, j + 1));
    else result = j < k.length && (p[i] === '*' || p[i] === k[j]) && from(i + 1, j + 1);
    seen.set(key, result);
    return result;
  };
  return from(0, 0);
}
