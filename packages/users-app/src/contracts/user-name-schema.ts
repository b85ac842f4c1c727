import { UserName } from '@contextflow/users-domain';
import { z } from 'zod';

/**
 * A user's display name as input (a route's body, another context's intake): the domain's own rule
 * (`UserName.problemOf`), so the edge refuses at once what a handler would refuse later. Holds the raw text;
 * the domain trims and normalises it. Its metadata describes the rule in an OpenAPI document in words: a
 * `maxLength` keyword would apply to the raw text, before trimming, which is not the rule.
 */
export const UserNameSchema = z
  .string()
  .superRefine((raw, context) => {
    const problem = UserName.problemOf(raw);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  })
  .meta({
    description: `1 to ${UserName.maxLength} characters once trimmed; no control characters or line breaks.`,
    example: 'Ada Lovelace',
  });
