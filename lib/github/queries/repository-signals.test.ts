import { readFileSync } from "node:fs";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { haveSharedData, sharedDataFile } from "../../../test/shared-data";
import { repositorySignalsQuery } from "./repository-signals";

const schemaPath = "github-fixtures/graphql/schema.graphql";

describe.runIf(haveSharedData(schemaPath, "GraphQL schema validation"))("repository signals query", () => {
  it("is valid against GitHub's public GraphQL schema", () => {
    const schema = buildSchema(readFileSync(sharedDataFile(schemaPath), "utf8"));
    const query = repositorySignalsQuery([
      { owner: "django", name: "django" },
      { owner: 'we"ird', name: "na\\me" },
    ]);
    expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
  });
});
