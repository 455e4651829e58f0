/**
 * Where to go after signing in. Only paths on this site are accepted: an absolute or
 * protocol-relative URL (`//evil.example`) in `callbackUrl` would make sign-in an open redirect.
 */
export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value === "") return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // Sending someone back to sign-in after signing in would loop.
  if (value === "/sign-in" || value.startsWith("/sign-in?")) return fallback;
  return value;
}

export function signInPath(callbackPath: string): string {
  const safe = safeCallbackPath(callbackPath);
  return safe === "/" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(safe)}`;
}
