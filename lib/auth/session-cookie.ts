/**
 * Auth.js keeps the database session's token in this cookie; over HTTPS it adds the `__Secure-`
 * prefix. Our guard reads the same cookie, so sessions made by GitHub sign-in and by the e2e
 * test sign-in are indistinguishable.
 */
export const SESSION_COOKIE = "authjs.session-token";
export const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

/** Thirty days, as Auth.js's default `session.maxAge`. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** The session token from a cookie jar; the secure cookie wins because only HTTPS can set it. */
export function sessionTokenFrom(read: (name: string) => string | undefined): string | undefined {
  return read(SECURE_SESSION_COOKIE) ?? read(SESSION_COOKIE);
}
