import {
  astFromValue,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  print,
} from "graphql";

function kind(type: GraphQLNamedType): string {
  if (isObjectType(type)) return "object";
  if (isInterfaceType(type)) return "interface";
  if (isUnionType(type)) return "union";
  if (isEnumType(type)) return "enum";
  if (isInputObjectType(type)) return "input";
  return "scalar";
}

function defaultText(arg: GraphQLArgument | GraphQLInputField): string | undefined {
  if (arg.defaultValue === undefined) return undefined;
  const ast = astFromValue(arg.defaultValue, arg.type);
  return ast ? print(ast) : undefined;
}

function compareArgs(
  where: string,
  ours: readonly GraphQLArgument[],
  theirs: readonly GraphQLArgument[],
): string[] {
  const problems: string[] = [];
  for (const arg of ours) {
    const match = theirs.find((a) => a.name === arg.name);
    if (!match) problems.push(`${where}(${arg.name}:) is not an argument on GitHub`);
    else if (String(match.type) !== String(arg.type))
      problems.push(`${where}(${arg.name}:) is ${arg.type}, GitHub has ${match.type}`);
    else if (defaultText(arg) !== defaultText(match)) {
      problems.push(
        `${where}(${arg.name}:) defaults to ${defaultText(arg)}, GitHub to ${defaultText(match)}`,
      );
    }
  }
  // A required argument we left out would make our queries invalid on GitHub.
  for (const arg of theirs) {
    if (isNonNullType(arg.type) && arg.defaultValue === undefined && !ours.some((a) => a.name === arg.name)) {
      problems.push(`${where} lacks GitHub's required argument ${arg.name}`);
    }
  }
  return problems;
}

function compareFields(
  typeName: string,
  ours: Record<string, GraphQLField<unknown, unknown>>,
  theirs: Record<string, GraphQLField<unknown, unknown>>,
): string[] {
  const problems: string[] = [];
  for (const field of Object.values(ours)) {
    const match = theirs[field.name];
    if (!match) {
      problems.push(`${typeName}.${field.name} does not exist on GitHub`);
      continue;
    }
    if (String(match.type) !== String(field.type))
      problems.push(`${typeName}.${field.name} is ${field.type}, GitHub has ${match.type}`);
    problems.push(...compareArgs(`${typeName}.${field.name}`, field.args, match.args));
  }
  return problems;
}

/**
 * Problems that make `subset` not a faithful subset of `full` (GitHub's schema): a type, field,
 * argument, enum value, union member or interface that GitHub lacks, or a different type,
 * nullability or default. An empty list means every query valid on the subset is valid on GitHub.
 */
export function subsetProblems(subset: GraphQLSchema, full: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const type of Object.values(subset.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    const match = full.getType(type.name);
    if (!match) {
      problems.push(`type ${type.name} does not exist on GitHub`);
      continue;
    }
    if (kind(type) !== kind(match)) {
      problems.push(`${type.name} is ${kind(type)} here, ${kind(match)} on GitHub`);
      continue;
    }
    if ((isObjectType(type) && isObjectType(match)) || (isInterfaceType(type) && isInterfaceType(match))) {
      problems.push(...compareFields(type.name, type.getFields(), match.getFields()));
      const theirInterfaces = new Set(match.getInterfaces().map((i) => i.name));
      for (const iface of type.getInterfaces()) {
        if (!theirInterfaces.has(iface.name))
          problems.push(`${type.name} implements ${iface.name}, GitHub's does not`);
      }
    } else if (isUnionType(type) && isUnionType(match)) {
      const members = new Set(match.getTypes().map((t) => t.name));
      for (const member of type.getTypes())
        if (!members.has(member.name))
          problems.push(`union ${type.name} has ${member.name}, GitHub's does not`);
    } else if (isEnumType(type) && isEnumType(match)) {
      const values = new Set(match.getValues().map((v) => v.name));
      for (const value of type.getValues())
        if (!values.has(value.name)) problems.push(`enum ${type.name} has ${value.name}, GitHub's does not`);
    } else if (isInputObjectType(type) && isInputObjectType(match)) {
      const theirs = match.getFields();
      const ours = type.getFields();
      for (const field of Object.values(ours)) {
        const other = theirs[field.name];
        if (!other) problems.push(`input ${type.name}.${field.name} does not exist on GitHub`);
        else if (String(other.type) !== String(field.type))
          problems.push(`input ${type.name}.${field.name} is ${field.type}, GitHub has ${other.type}`);
      }
      for (const other of Object.values(theirs)) {
        if (isNonNullType(other.type) && other.defaultValue === undefined && !ours[other.name]) {
          problems.push(`input ${type.name} lacks GitHub's required field ${other.name}`);
        }
      }
    } else if (!isScalarType(type)) {
      problems.push(`${type.name}: unexpected kind`);
    }
  }
  return problems;
}
