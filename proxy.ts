import { type NextRequest, NextResponse } from "next/server";
import { REQUEST_PATH_HEADER } from "./app/_server/request-path-header";

/**
 * Not an authorization check (every page, route and action runs the server-side guard itself):
 * it only tells pages their own path, overwriting any value a client sent, for sign-in's callbackUrl.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
