import { readFileSync } from "node:fs";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { haveSharedData, sharedDataFile } from "../../test/shared-data";
import { repositoryIssuesQuery } from "./fetch-query";

const schemaPath = "github-fixtures/graphql/schema.graphql";

describe.runIf(haveSharedData(schemaPath, "GraphQL schema validation"))("repository issues query", () => {
  it("is valid against GitHub's public GraphQL schema", () => {
    const schema = buildSchema(readFileSync(sharedDataFile(schemaPath), "utf8"));
    expect(validate(schema, parse(repositoryIssuesQuery)).map((error) => error.message)).toEqual([]);
  });
});
