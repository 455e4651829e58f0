import { readFileSync } from "node:fs";
import { buildSchema, type GraphQLSchema, parse, validate } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { repositorySignalsQuery } from "../lib/github/queries/repository-signals";
import { haveSharedData, sharedDataFile } from "../test/shared-data";
import { emulatorSchema } from "./graphql/graphql-route";
import { subsetProblems } from "./graphql/schema-compatibility";

const githubSchemaPath = "github-fixtures/graphql/schema.graphql";

/** Queries the emulator is known to serve; each must be valid on GitHub as well. */
const queries = [
  repositorySignalsQuery([
    { owner: "django", name: "django" },
    { owner: 'we"ird', name: "na\\me" },
  ]),
  `query($q: String!, $after: String) { search(type: REPOSITORY, query: $q, first: 50, after: $after) { repositoryCount pageInfo { hasNextPage endCursor } nodes { ... on Repository { nameWithOwner stargazerCount } } } }`,
  `query($owner: String!, $name: String!, $since: DateTime) { repository(owner: $owner, name: $name) { issues(first: 100, states: [OPEN], filterBy: { since: $since }, orderBy: { field: UPDATED_AT, direction: DESC }) { totalCount nodes { number title body labels(first: 20) { nodes { name } } assignees(first: 5) { nodes { login } } comments { totalCount } timelineItems(first: 10, itemTypes: [CROSS_REFERENCED_EVENT]) { nodes { ... on CrossReferencedEvent { willCloseTarget source { ... on PullRequest { number merged } } } } } } } } }`,
  `query($login: String!) { user(login: $login) { login name email repositories(first: 100, isFork: false, orderBy: { field: STARGAZERS, direction: DESC }) { totalCount nodes { nameWithOwner isArchived pushedAt } } } rateLimit { cost remaining limit used resetAt nodeCount } }`,
];

describe("the emulator's GraphQL schema", () => {
  it("accepts the queries it is meant to serve", () => {
    for (const query of queries)
      expect(validate(emulatorSchema(), parse(query)).map((e) => e.message)).toEqual([]);
  });

  describe.runIf(haveSharedData(githubSchemaPath, "GraphQL subset check against GitHub's schema"))(
    "against GitHub's public schema",
    () => {
      let github: GraphQLSchema;
      beforeAll(() => {
        github = buildSchema(readFileSync(sharedDataFile(githubSchemaPath), "utf8"));
      });

      it("is a faithful subset: every type, field, argument and value exists there with the same types", () => {
        expect(subsetProblems(emulatorSchema(), github)).toEqual([]);
      });

      it("notices a field GitHub does not have (the check itself works)", () => {
        const broken = buildSchema(
          "type Query { repository(owner: String!, name: String!): Repository } type Repository { stars: Int nameWithOwner: String }",
        );
        expect(subsetProblems(broken, github)).toEqual([
          "Repository.stars does not exist on GitHub",
          "Repository.nameWithOwner is String, GitHub has String!",
        ]);
      });

      it("serves only queries that GitHub also accepts", () => {
        for (const query of queries) expect(validate(github, parse(query)).map((e) => e.message)).toEqual([]);
      });
    },
  );
});
