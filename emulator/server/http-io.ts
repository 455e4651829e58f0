import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorResponse } from "./router";

/** A weak ETag (like most of GitHub's JSON answers) that is a pure function of the body. */
export function etagOf(payload: Buffer): string {
  return `W/"${createHash("sha256").update(payload).digest("hex")}"`;
}

/** If-None-Match may list several tags, weak or strong, or "*". */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || strip(tag) === strip(etag));
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Objects go out as compact JSON (as GitHub sends them), strings and buffers as they are. */
export function serialize(response: EmulatorResponse): { payload: Buffer; contentType: string } {
  const { body } = response;
  if (body === undefined || body === null)
    return { payload: Buffer.alloc(0), contentType: "application/json; charset=utf-8" };
  if (Buffer.isBuffer(body)) return { payload: body, contentType: "application/octet-stream" };
  if (typeof body === "string")
    return { payload: Buffer.from(body), contentType: "text/plain; charset=utf-8" };
  return { payload: Buffer.from(JSON.stringify(body)), contentType: "application/json; charset=utf-8" };
}

/**
 * Writes the response. A truncated one declares its full length, sends half and drops the
 * connection, as when a proxy or GitHub's edge gives up mid-body.
 */
export function send(
  res: ServerResponse,
  method: string,
  response: EmulatorResponse,
  base: Record<string, string>,
  truncate: (() => void) | null,
) {
  const { payload, contentType } = serialize(response);
  const headers: Record<string, string> = { ...base, "content-type": contentType, ...response.headers };
  if (response.status === 304 || response.status === 204) {
    delete headers["content-type"];
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  headers["content-length"] = String(payload.length);
  res.writeHead(response.status, headers);
  if (method === "HEAD") {
    res.end();
    return;
  }
  if (truncate && payload.length > 1) {
    truncate();
    res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.destroy());
    return;
  }
  res.end(payload);
}
