import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { entryPathOf } from "./app-surface";
import { E2E_DIST_DIR } from "./environment";
import { projectRoot } from "./servers";

/** One server action as the production build knows it. */
export interface BuiltAction {
  id: string;
  file: string;
  exportName: string;
  /** A page URL whose entry includes the action (a POST there with its id runs it). */
  pagePath: string;
}

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

/**
 * Next 16 writes `<distDir>/server/server-reference-manifest.json`: for each action id, the source
 * file and export name, and the app entries (`app/(app)/settings/page`) that can run it.
 */
export function builtActions(distDir = E2E_DIST_DIR): BuiltAction[] {
  const manifest = JSON.parse(
    readFileSync(join(projectRoot, distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const page = Object.keys(entry.workers).find((worker) => worker.endsWith("/page"));
    if (!entry.filename || !entry.exportedName || !page) {
      throw new Error(`Unexpected server-reference-manifest entry for ${id}: ${JSON.stringify(entry)}`);
    }
    return { id, file: entry.filename, exportName: entry.exportedName, pagePath: entryPathOf(page) };
  });
}

/**
 * Calls a server action the way the browser does (POST with the `Next-Action` header and the
 * arguments as a JSON array) and returns what the action returned, decoded from the RSC stream.
 */
export async function callAction(
  request: APIRequestContext,
  action: BuiltAction,
  args: unknown[],
  cookie?: string,
): Promise<{ status: number; result: unknown }> {
  const response = await request.post(action.pagePath, {
    headers: {
      "Next-Action": action.id,
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      ...(cookie ? { Cookie: cookie } : {}),
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { status: response.status(), result: decodeActionResult(await response.text()) };
}

/**
 * An action response is an RSC stream of `<row id>:<json>` lines; row 0 points at the action's
 * return value (`{"a":"$@1"}` → row 1), or holds it inline.
 */
export function decodeActionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) rows.set(match[1], match[2]);
  }
  const root = rows.get("0");
  if (root === undefined) throw new Error(`Not an RSC action response: ${body.slice(0, 300)}`);
  const reference = (JSON.parse(root) as { a?: unknown }).a;
  if (typeof reference === "string" && reference.startsWith("$@")) {
    const row = rows.get(reference.slice(2));
    if (row === undefined) throw new Error(`Action result row ${reference} missing: ${body.slice(0, 300)}`);
    return JSON.parse(row);
  }
  return reference;
}
