import type { EmulatorUrls } from "../../server/context";
import type { WorldIndex } from "../../world/world-index";
import type { Account } from "../../world/world-schema";

/** GitHub's node ids are base64 of a type-tagged id; clients treat them as opaque. */
export function nodeId(kind: string, id: number): string {
  return Buffer.from(`0${kind.length}:${kind}${id}`).toString("base64").replace(/=+$/, "");
}

export function avatarUrl(urls: EmulatorUrls, account: Account): string {
  return `${urls.origin}/avatars/u/${account.id}?v=4`;
}

/** The `simple-user` object embedded everywhere (owner, user, assignee, author). */
export function simpleUser(urls: EmulatorUrls, account: Account) {
  const api = `${urls.api}/users/${account.login}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(account.type === "User" ? "User" : "Organization", account.id),
    avatar_url: avatarUrl(urls, account),
    gravatar_id: "",
    url: api,
    html_url: `${urls.server}/${account.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: account.type,
    site_admin: false,
  };
}

/** `GET /users/{login}`: the public profile with counts. */
export function publicUser(urls: EmulatorUrls, index: WorldIndex, account: Account) {
  return {
    ...simpleUser(urls, account),
    name: account.name,
    company: account.company,
    blog: account.blog ?? "",
    location: account.location,
    email: account.email,
    hireable: null,
    bio: account.bio,
    twitter_username: null,
    public_repos: index.repositoriesOf(account.login).length,
    public_gists: 0,
    followers: Math.floor(index.repositoriesOf(account.login).reduce((sum, v) => sum + v.repo.stars, 0) / 50),
    following: 0,
    created_at: account.createdAt,
    updated_at: account.createdAt,
  };
}

/** `GET /user`: the authenticated user's own profile, with the private fields GitHub adds. */
export function privateUser(urls: EmulatorUrls, index: WorldIndex, account: Account) {
  return {
    ...publicUser(urls, index, account),
    email: account.email ?? `${account.login}@users.noreply.example.com`,
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: "free", space: 976562499, collaborators: 0, private_repos: 10000 },
  };
}

/** `GET /orgs/{org}` */
export function organization(urls: EmulatorUrls, index: WorldIndex, account: Account) {
  const api = `${urls.api}/orgs/${account.login}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId("Organization", account.id),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: avatarUrl(urls, account),
    description: account.bio,
    name: account.name,
    company: null,
    blog: account.blog ?? "",
    location: account.location,
    email: account.email,
    twitter_username: null,
    is_verified: false,
    has_organization_projects: true,
    has_repository_projects: true,
    public_repos: index.repositoriesOf(account.login).length,
    public_gists: 0,
    followers: 0,
    following: 0,
    html_url: `${urls.server}/${account.login}`,
    created_at: account.createdAt,
    updated_at: account.createdAt,
    type: "Organization",
  };
}
