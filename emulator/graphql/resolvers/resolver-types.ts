import type { GraphQLResolveInfo } from "graphql";
import type { GraphqlContext } from "../models";

/**
 * Field resolvers by type and field. Each resolver declares the exact model it receives; `never`
 * parameters let the map hold them all, and the executor calls them through `FieldResolver`.
 */
export type Resolvers = Record<
  string,
  Record<string, (source: never, args: never, context: never, info: never) => unknown>
>;

export type FieldResolver = (
  source: unknown,
  args: unknown,
  context: GraphqlContext,
  info: GraphQLResolveInfo,
) => unknown;
