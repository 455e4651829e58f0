import { readFileSync } from "node:fs";
import {
  buildSchema,
  defaultFieldResolver,
  execute,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type GraphQLTypeResolver,
  getOperationAST,
  parse,
  validate,
} from "graphql";
import type { EmulatorContext } from "../server/context";
import type { EmulatorResponse, Router } from "../server/router";
import { GitHubGraphQLError } from "./connection";
import { queryCost } from "./cost";
import type { GraphqlContext } from "./models";
import { gitResolvers } from "./resolvers/git-resolvers";
import { issueResolvers } from "./resolvers/issue-resolvers";
import { queryResolvers } from "./resolvers/query-resolvers";
import { repositoryResolvers } from "./resolvers/repository-resolvers";
import type { FieldResolver, Resolvers } from "./resolvers/resolver-types";

let cachedSchema: GraphQLSchema | undefined;

/** The emulator's GraphQL schema (a checked subset of GitHub's), built once per process. */
export function emulatorSchema(): GraphQLSchema {
  cachedSchema ??= buildSchema(readFileSync(new URL("./schema.graphql", import.meta.url), "utf8"));
  return cachedSchema;
}

const resolvers: Resolvers = {
  ...queryResolvers,
  ...repositoryResolvers,
  ...gitResolvers,
  ...issueResolvers,
};

const fieldResolver: GraphQLFieldResolver<unknown, GraphqlContext> = (source, args, context, info) => {
  const resolver = resolvers[info.parentType.name]?.[info.fieldName] as FieldResolver | undefined;
  return resolver ? resolver(source, args, context, info) : defaultFieldResolver(source, args, context, info);
};

const typeResolver: GraphQLTypeResolver<unknown, GraphqlContext> = (value) =>
  (value as { __typename?: string }).__typename;

/** GitHub puts its error `type` first and keeps graphql-js's path, locations and message. */
function formatError(error: GraphQLError) {
  const original = error.originalError;
  const type = original instanceof GitHubGraphQLError ? original.githubType : undefined;
  const json = error.toJSON();
  return {
    ...(type ? { type } : {}),
    ...(json.path ? { path: json.path } : {}),
    ...(json.extensions && Object.keys(json.extensions).length ? { extensions: json.extensions } : {}),
    ...(json.locations ? { locations: json.locations } : {}),
    message: json.message,
  };
}

const errorsOnly = (errors: unknown[], headers: Record<string, string> = {}): EmulatorResponse => ({
  status: 200,
  cacheable: false,
  headers,
  body: { errors },
});

export function registerGraphqlRoute(router: Router, ctx: EmulatorContext): void {
  const schema = emulatorSchema();
  router.add(
    "POST",
    "/graphql",
    async (request) => {
      if (request.identity.kind !== "user") {
        return {
          status: 401,
          body: {
            message: "This endpoint requires you to be authenticated.",
            documentation_url:
              "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql",
          },
        };
      }
      const started = performance.now();
      const cpu = process.cpuUsage();
      let payload: { query?: unknown; variables?: unknown; operationName?: unknown };
      try {
        payload = JSON.parse(request.body || "{}");
      } catch {
        return {
          status: 400,
          body: { message: "Problems parsing JSON", documentation_url: "https://docs.github.com/graphql" },
        };
      }
      if (typeof payload.query !== "string")
        return errorsOnly([{ message: "A query attribute must be specified and must be a string." }]);
      const variables = (
        payload.variables && typeof payload.variables === "object" ? payload.variables : {}
      ) as Record<string, unknown>;
      const operationName = typeof payload.operationName === "string" ? payload.operationName : undefined;
      let document: ReturnType<typeof parse>;
      try {
        document = parse(payload.query);
      } catch (error) {
        return errorsOnly([formatError(error as GraphQLError)]);
      }
      const validationErrors = validate(schema, document);
      if (validationErrors.length > 0) return errorsOnly(validationErrors.map(formatError));
      const operation = getOperationAST(document, operationName);
      if (!operation)
        return errorsOnly([
          {
            message: operationName
              ? `No operation named "${operationName}"`
              : "An operation name is required",
          },
        ]);
      if (operation.operation !== "query")
        return errorsOnly([{ message: `The emulator does not support ${operation.operation}s.` }]);

      const cost = queryCost(schema, document, operation, variables);
      const bucket = ctx.limiter.bucket(request.identity, "graphql");
      if (cost.errors.length > 0) return errorsOnly(cost.errors, ctx.limiter.headers(bucket, "graphql"));
      if (ctx.limiter.remaining(bucket) < cost.cost) {
        const userId = ctx.index.account(request.identity.login)?.id ?? 0;
        return errorsOnly(
          [{ type: "RATE_LIMITED", message: `API rate limit exceeded for user ID ${userId}.` }],
          {
            ...ctx.limiter.headers(bucket, "graphql"),
            "x-ratelimit-remaining": "0",
          },
        );
      }
      ctx.limiter.charge(bucket, cost.cost);
      ctx.stats.points("graphql", cost.cost);
      const context: GraphqlContext = {
        ctx,
        login: request.identity.login,
        bucket,
        cost: cost.cost,
        nodeCount: cost.nodeCount,
      };
      const result = await execute({
        schema,
        document,
        variableValues: variables,
        operationName,
        contextValue: context,
        fieldResolver,
        typeResolver,
      });
      const used = process.cpuUsage(cpu);
      ctx.stats.graphql(
        cost.cost,
        cost.nodeCount,
        performance.now() - started,
        (used.user + used.system) / 1000,
      );
      const body = result.errors?.length
        ? { data: result.data ?? null, errors: result.errors.map(formatError) }
        : { data: result.data ?? null };
      return { status: 200, cacheable: false, headers: ctx.limiter.headers(bucket, "graphql"), body };
    },
    { resource: null },
  );
}
