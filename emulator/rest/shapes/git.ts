import type { EmulatorUrls } from "../../server/context";
import { isoSeconds } from "../../world/dates";
import { fakeSha } from "../../world/random";
import type { Commit, RepositoryView, TreeNode } from "../../world/repository-view";
import type { WorldIndex } from "../../world/world-index";
import { nodeId, simpleUser } from "./accounts";

/** A commit as `/commits` lists it. */
export function commitShape(urls: EmulatorUrls, index: WorldIndex, view: RepositoryView, commit: Commit) {
  const api = `${urls.api}/repos/${view.fullName}`;
  const account = commit.author ? index.account(commit.author) : undefined;
  const date = isoSeconds(commit.time);
  const person = {
    name: account?.name ?? commit.authorName,
    email: account?.email ?? `${commit.author ?? "anonymous"}@users.noreply.example.com`,
    date,
  };
  return {
    sha: commit.sha,
    node_id: nodeId("Commit", Number.parseInt(commit.sha.slice(0, 8), 16)),
    commit: {
      author: person,
      committer: person,
      message: commit.message,
      tree: { sha: fakeSha(`tree:${commit.sha}`), url: `${api}/git/trees/${fakeSha(`tree:${commit.sha}`)}` },
      url: `${api}/git/commits/${commit.sha}`,
      comment_count: 0,
      verification: {
        verified: false,
        reason: "unsigned",
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    url: `${api}/commits/${commit.sha}`,
    html_url: `${urls.server}/${view.fullName}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    author: account ? simpleUser(urls, account) : null,
    committer: account ? simpleUser(urls, account) : null,
    parents: commit.parentSha
      ? [
          {
            sha: commit.parentSha,
            url: `${api}/commits/${commit.parentSha}`,
            html_url: `${urls.server}/${view.fullName}/commit/${commit.parentSha}`,
          },
        ]
      : [],
  };
}

export function treeEntryShape(urls: EmulatorUrls, view: RepositoryView, node: TreeNode) {
  const api = `${urls.api}/repos/${view.fullName}/git`;
  return node.type === "tree"
    ? { path: node.path, mode: "040000", type: "tree", sha: node.sha, url: `${api}/trees/${node.sha}` }
    : {
        path: node.path,
        mode: "100644",
        type: "blob",
        sha: node.sha,
        size: node.size,
        url: `${api}/blobs/${node.sha}`,
      };
}

/** The `/contents/{path}` object of a file or directory entry. */
export function contentEntry(urls: EmulatorUrls, view: RepositoryView, node: TreeNode, ref: string) {
  const api = `${urls.api}/repos/${view.fullName}/contents/${node.path}?ref=${ref}`;
  const html = `${urls.server}/${view.fullName}/${node.type === "tree" ? "tree" : "blob"}/${ref}/${node.path}`;
  const git = `${urls.api}/repos/${view.fullName}/git/${node.type === "tree" ? "trees" : "blobs"}/${node.sha}`;
  return {
    name: node.name,
    path: node.path,
    sha: node.sha,
    size: node.size,
    url: api,
    html_url: html,
    git_url: git,
    download_url: node.type === "blob" ? `${urls.server}/${view.fullName}/raw/${ref}/${node.path}` : null,
    type: node.type === "tree" ? "dir" : "file",
    _links: { self: api, git, html },
  };
}

/** A file with its base64 content, wrapped at 60 characters like GitHub does. */
export function contentFile(urls: EmulatorUrls, view: RepositoryView, node: TreeNode, ref: string) {
  const base64 = Buffer.from(node.content ?? "").toString("base64");
  const wrapped = base64.replace(/.{60}/g, "$&\n");
  return {
    ...contentEntry(urls, view, node, ref),
    content: wrapped.endsWith("\n") || wrapped === "" ? wrapped : `${wrapped}\n`,
    encoding: "base64",
  };
}
