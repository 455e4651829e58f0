// The store's filters and sort keys, apart from the queries so that a browser bundle (the web
// table's controls) can use them without pulling in the database driver.

export const repositoryFilters = ["all", "approved", "rejected", "unanalyzed"] as const;
export type RepositoryFilter = (typeof repositoryFilters)[number];

export const repositorySorts = [
  "stars",
  "forks",
  "health",
  "impact",
  "name",
  "discovered",
  "analyzed",
] as const;
export type RepositorySort = (typeof repositorySorts)[number];
