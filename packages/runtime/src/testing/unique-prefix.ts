import { randomBytes } from 'node:crypto';

/**
 * A short random name prefix with a trailing dot (`t-users-3f9a1c.`), so a test's exchanges and queues never
 * meet another run's; pass it as the topology namespace and delete what starts with it afterwards.
 */
export function uniquePrefix(label = 't'): string {
  return `${label}-${randomBytes(3).toString('hex')}.`;
}
