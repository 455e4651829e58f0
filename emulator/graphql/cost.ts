import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from "graphql";

export const MAX_NODES = 500_000;
export const MAX_PAGE = 100;

export interface QueryCost {
  /** Rate-limit points: connection requests / 100, rounded, at least 1. */
  cost: number;
  /** Nodes the query may return at most (GitHub's node limit check). */
  nodeCount: number;
  /** Problems GitHub reports before running the query. */
  errors: { message: string; type: string }[];
}

/**
 * GitHub's documented cost rule: every connection costs one request per parent node it may be
 * fetched for (assuming each `first`/`last` is reached); the sum divided by 100 and rounded is the
 * cost, at least 1. The node count multiplies limits down the nesting and must stay <= 500,000.
 * https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): QueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let requests = 0;
  let nodes = 0;
  const errors: QueryCost["errors"] = [];
  const argument = (value: ValueNode | undefined): unknown =>
    value ? valueFromASTUntyped(value, variables) : undefined;

  const selectsNodes = (set: SelectionSetNode | undefined, seen = new Set<string>()): boolean => {
    for (const selection of set?.selections ?? []) {
      if (
        selection.kind === Kind.FIELD &&
        (selection.name.value === "nodes" || selection.name.value === "edges")
      )
        return true;
      if (selection.kind === Kind.INLINE_FRAGMENT && selectsNodes(selection.selectionSet, seen)) return true;
      if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        if (selectsNodes(fragments.get(selection.name.value)?.selectionSet, seen)) return true;
      }
    }
    return false;
  };

  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number, depth: number) => {
    if (depth > 50) return;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        if (condition && isCompositeType(condition))
          walk(selection.selectionSet, condition, multiplier, depth + 1);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
        if (fragment && condition && isCompositeType(condition))
          walk(fragment.selectionSet, condition, multiplier, depth + 1);
        continue;
      }
      if (!selection.selectionSet || !(isObjectType(parent) || isInterfaceType(parent))) continue;
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const named = getNamedType(field.type);
      if (!isCompositeType(named)) continue;
      let childMultiplier = multiplier;
      if (named.name.endsWith("Connection")) {
        const args = new Map(selection.arguments?.map((a) => [a.name.value, argument(a.value)]) ?? []);
        const first = args.get("first");
        const last = args.get("last");
        const limit = typeof first === "number" ? first : typeof last === "number" ? last : null;
        const label = selection.name.value;
        if (limit !== null && limit > MAX_PAGE) {
          const which = typeof first === "number" ? "first" : "last";
          errors.push({
            type: "EXCESSIVE_PAGINATION",
            message: `Requesting ${limit} records on the \`${label}\` connection exceeds the \`${which}\` limit of ${MAX_PAGE} records.`,
          });
        }
        if (limit === null && selectsNodes(selection.selectionSet)) {
          errors.push({
            type: "MISSING_PAGINATION_BOUNDARIES",
            message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${label}\` connection.`,
          });
        }
        requests += multiplier;
        const pageSize = Math.max(0, Math.min(limit ?? 0, MAX_PAGE));
        nodes += multiplier * pageSize;
        if (nodes > MAX_NODES && !errors.some((e) => e.type === "MAX_NODE_LIMIT_EXCEEDED")) {
          errors.push({
            type: "MAX_NODE_LIMIT_EXCEEDED",
            message: `By the time this query traverses to the ${label} connection, it is requesting up to ${nodes.toLocaleString("en-US")} possible nodes which exceeds the maximum limit of ${MAX_NODES.toLocaleString("en-US")}.`,
          });
        }
        childMultiplier = multiplier * Math.max(1, pageSize);
      }
      walk(selection.selectionSet, named, childMultiplier, depth + 1);
    }
  };

  const root = operation.operation === "query" ? schema.getQueryType() : null;
  if (root) walk(operation.selectionSet, root, 1, 0);
  return { cost: Math.max(1, Math.round(requests / 100)), nodeCount: nodes, errors };
}
