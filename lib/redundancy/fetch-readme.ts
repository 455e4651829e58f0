import type { GitHubClient } from "../github/client";
import { githubError } from "../github/errors";

/**
 * A repository's README as GitHub renders it raw, or null when it has none. Goes through the
 * GitHub client, so a repeated comparison is an ETag revalidation (a 304 that costs no rate
 * limit), not a download.
 */
export async function fetchReadme(github: GitHubClient, fullName: string): Promise<string | null> {
  const [owner, repo] = fullName.split("/") as [string, string];
  try {
    const response = await github.rest.request("GET /repos/{owner}/{repo}/readme", {
      owner,
      repo,
      headers: { accept: "application/vnd.github.raw" },
    });
    const data: unknown = response.data;
    if (typeof data === "string") return data;
    if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
    // Some proxies ignore the raw media type and answer with the JSON contents object.
    const content = (data as { content?: string; encoding?: string } | null)?.content;
    return typeof content === "string" ? Buffer.from(content, "base64").toString("utf8") : null;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw githubError(error, `README for ${fullName}`);
  }
}
