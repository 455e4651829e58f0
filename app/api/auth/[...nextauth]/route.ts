import type { NextRequest } from "next/server";
import { handlers } from "@/app/_server/auth";
import { processEnv } from "@/lib/env";

// Auth.js's own endpoints (OAuth redirect and callback, CSRF, sign-out). Public by nature: they are
// how an anonymous visitor becomes a signed-in one; the authorization e2e test lists them as such.

export async function GET(request: NextRequest): Promise<Response> {
  return handlers.GET(await asBrowserSawIt(request));
}

export async function POST(request: NextRequest): Promise<Response> {
  return handlers.POST(await asBrowserSawIt(request));
}

/**
 * The sign-in action builds GitHub's redirect_uri from the Host header, but a NextRequest rewrites
 * loopback hosts (127.0.0.1) to `localhost`, so the callback sent a different redirect_uri to the
 * token exchange and GitHub refused it ("redirect_uri_mismatch"). A plain Request at the URL the
 * browser used keeps both equal. With AUTH_URL set, Auth.js pins the URL itself and needs NextRequest.
 */
async function asBrowserSawIt(request: NextRequest): Promise<NextRequest> {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (processEnv().AUTH_URL || !host) return request;
  const protocol = request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(/:$/, "");
  const url = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, `${protocol}://${host}`);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const plain = new Request(url, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
  });
  // Auth.js reads only standard Request members unless AUTH_URL is set (handled above).
  return plain as unknown as NextRequest;
}
