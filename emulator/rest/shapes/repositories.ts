import type { EmulatorUrls } from "../../server/context";
import type { RepositoryView } from "../../world/repository-view";
import type { WorldIndex } from "../../world/world-index";
import { nodeId, simpleUser } from "./accounts";

const LICENSE_NAMES: Record<string, string> = {
  MIT: "MIT License",
  "Apache-2.0": "Apache License 2.0",
  "BSD-3-Clause": 'BSD 3-Clause "New" or "Revised" License',
  "GPL-3.0": "GNU General Public License v3.0",
  "MPL-2.0": "Mozilla Public License 2.0",
  "CC0-1.0": "Creative Commons Zero v1.0 Universal",
  "CC-BY-4.0": "Creative Commons Attribution 4.0 International",
  NOASSERTION: "Other",
};

export function licenseShape(urls: EmulatorUrls, spdx: string | null) {
  if (!spdx) return null;
  const key = spdx === "NOASSERTION" ? "other" : spdx.toLowerCase();
  return {
    key,
    name: LICENSE_NAMES[spdx] ?? spdx,
    spdx_id: spdx,
    url: spdx === "NOASSERTION" ? null : `${urls.api}/licenses/${key}`,
    node_id: nodeId(
      "License",
      [...key].reduce((sum, ch) => sum + ch.charCodeAt(0), 0),
    ),
  };
}

/** The URL templates every repository object carries. */
function repositoryUrls(urls: EmulatorUrls, fullName: string) {
  const api = `${urls.api}/repos/${fullName}`;
  return {
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
  };
}

/** The "minimal repository" of lists (`/users/{u}/repos`, search items, embedded `repository`). */
export function minimalRepository(urls: EmulatorUrls, index: WorldIndex, view: RepositoryView) {
  const r = view.repo;
  const owner = index.account(r.owner) ?? index.ensureUser(r.owner);
  const { url, ...templates } = repositoryUrls(urls, view.fullName);
  return {
    id: r.id,
    node_id: nodeId("Repository", r.id),
    name: r.name,
    full_name: view.fullName,
    private: false,
    owner: simpleUser(urls, owner),
    html_url: `${urls.server}/${view.fullName}`,
    description: r.description,
    fork: r.fork,
    url,
    ...templates,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
    pushed_at: r.pushedAt,
    git_url: `git://${new URL(urls.server).host}/${view.fullName}.git`,
    ssh_url: `git@${new URL(urls.server).hostname}:${view.fullName}.git`,
    clone_url: `${urls.server}/${view.fullName}.git`,
    svn_url: `${urls.server}/${view.fullName}`,
    homepage: r.homepage,
    size: Math.ceil(Object.values(r.languages).reduce((a, b) => a + b, 0) / 1024),
    stargazers_count: r.stars,
    watchers_count: r.stars,
    language: r.language,
    has_issues: r.hasIssues,
    has_projects: true,
    has_downloads: true,
    has_wiki: !r.fork,
    has_pages: r.homepage?.includes("github.io") ?? false,
    has_discussions: false,
    forks_count: r.forks,
    mirror_url: r.mirrorUrl,
    archived: r.archived,
    disabled: false,
    open_issues_count: view.openIssuesCount,
    license: licenseShape(urls, r.license),
    allow_forking: true,
    is_template: r.template,
    web_commit_signoff_required: false,
    topics: r.topics,
    visibility: "public",
    forks: r.forks,
    open_issues: view.openIssuesCount,
    watchers: r.stars,
    default_branch: r.defaultBranch,
  };
}

/** `GET /repos/{owner}/{repo}`: the full repository, with parent/source for forks. */
export function fullRepository(
  urls: EmulatorUrls,
  index: WorldIndex,
  view: RepositoryView,
  authenticated: boolean,
) {
  const r = view.repo;
  const owner = index.account(r.owner);
  const parentView = r.parent ? index.repository(...(r.parent.split("/") as [string, string])) : undefined;
  return {
    ...minimalRepository(urls, index, view),
    ...(authenticated
      ? { permissions: { admin: false, maintain: false, push: false, triage: false, pull: true } }
      : {}),
    temp_clone_token: authenticated ? "" : null,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_rebase_merge: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    ...(owner?.type === "Organization" ? { organization: simpleUser(urls, owner) } : {}),
    ...(parentView
      ? {
          parent: minimalRepository(urls, index, parentView),
          source: minimalRepository(urls, index, parentView),
        }
      : {}),
    network_count: parentView ? parentView.repo.forks : r.forks,
    subscribers_count: r.watchers,
  };
}

/** A search hit: the minimal repository plus GitHub's relevance score. */
export function searchItem(urls: EmulatorUrls, index: WorldIndex, view: RepositoryView, score: number) {
  return { ...minimalRepository(urls, index, view), score };
}
