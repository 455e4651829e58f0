import { headers } from "next/headers";
import { REQUEST_PATH_HEADER } from "./request-path-header";

/** The path (with query) this request is for, as proxy.ts recorded it; "/" when unknown. */
export async function requestPath(): Promise<string> {
  return (await headers()).get(REQUEST_PATH_HEADER) ?? "/";
}
