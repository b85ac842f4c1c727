import { UUID_PATTERN } from '@contextflow/core';

/** The shape of a link token: `<link id>.<secret>`, the secret 43 base64url characters (256 bits). */
export const LINK_TOKEN_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/;

/** The token an email carries: which link (not secret) and the secret that proves the holder got the email. */
export function linkToken(linkId: string, secret: string): string {
  return `${linkId}.${secret}`;
}

/** Splits a token into its link id and secret; `null` when it does not have the shape of one. */
export function parseLinkToken(token: string): { readonly linkId: string; readonly secret: string } | null {
  if (!LINK_TOKEN_PATTERN.test(token)) return null;
  const [linkId = '', secret = ''] = token.split('.');
  return UUID_PATTERN.test(linkId) ? { linkId, secret } : null;
}
