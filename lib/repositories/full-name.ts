import { AppError } from "../errors";

const pattern = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

/** Parses OWNER/REPO (also a github.com URL); anything else is a usage error. */
export function parseFullName(input: string): { owner: string; name: string; fullName: string } {
  const trimmed = input
    .trim()
    .replace(/^https?:\/\/[^/]+\//, "")
    .replace(/\.git$/, "")
    .replace(/\/$/, "");
  const match = pattern.exec(trimmed);
  if (!match || match[2] === "." || match[2] === "..") {
    throw new AppError("bad_request:repository", `"${input}" is not a repository name.`, {
      hint: "Expected OWNER/REPO, e.g. django/django.",
    });
  }
  return { owner: match[1]!, name: match[2]!, fullName: `${match[1]}/${match[2]}` };
}
