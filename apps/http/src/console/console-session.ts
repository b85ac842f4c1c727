import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isAdmin, type Principal } from '@contextflow/core';
import type { HttpEnv } from '@contextflow/core-infra';
import { Authenticator } from '@contextflow/http-kit';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** The session cookie: the admin's access token, HttpOnly and SameSite=Strict, for the console's paths only. */
export const SESSION_COOKIE = 'cf_console';
/** The sign-in form's double-submit cookie (before there is a session to tie a token to). */
export const LOGIN_CSRF_COOKIE = 'cf_console_login';

const PATH = '/console';

const secure = (c: Context<HttpEnv>) =>
  new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/** Starts a session holding `accessToken` for `maxAgeSeconds`. */
export function startSession(c: Context<HttpEnv>, accessToken: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, accessToken, {
    httpOnly: true,
    sameSite: 'Strict',
    path: PATH,
    maxAge: maxAgeSeconds,
    secure: secure(c),
  });
  deleteCookie(c, LOGIN_CSRF_COOKIE, { path: PATH });
}

/** Ends the session (the cookie; the access token expires on its own). */
export function endSession(c: Context<HttpEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: PATH });
}

/** The session's principal: `null` without a cookie or with one whose token is no longer valid. */
export async function sessionPrincipal(c: Context<HttpEnv>): Promise<Principal | null> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token === undefined || token === '') return null;
  return c.var.container.resolve<Authenticator>(Authenticator).authenticate(token);
}

/** Whether a principal may use the console. */
export const mayOperate = (principal: Principal | null): principal is Principal => isAdmin(principal);

/**
 * The CSRF token of a session: a hash of its cookie, which a page of another origin can neither read
 * (HttpOnly) nor compute; every form carries it and every action checks it (a synchronizer token that needs
 * no server state, so any instance of the app checks it).
 */
export function csrfToken(c: Context<HttpEnv>): string {
  const token = getCookie(c, SESSION_COOKIE) ?? '';
  return createHash('sha256').update(`cf-console-csrf\u0000${token}`).digest('base64url');
}

/** A fresh sign-in CSRF token, set as its double-submit cookie. */
export function loginCsrfToken(c: Context<HttpEnv>): string {
  const token = randomBytes(24).toString('base64url');
  setCookie(c, LOGIN_CSRF_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: PATH,
    secure: secure(c),
  });
  return token;
}

/** Whether `given` is the token `expected` (constant time). */
export function sameToken(given: unknown, expected: string | undefined): boolean {
  if (typeof given !== 'string' || expected === undefined || expected === '') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The sign-in form's cookie token. */
export const loginCookie = (c: Context<HttpEnv>) => getCookie(c, LOGIN_CSRF_COOKIE);
