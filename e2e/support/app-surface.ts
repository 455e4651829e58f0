import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "typescript";
import { projectRoot } from "./servers";

/**
 * Everything in the app a request can reach, read from the file tree and the source: every page,
 * every route handler method, every server action. Nothing here is a hand-kept list, so what later
 * issues add is covered as soon as the file exists.
 */

export type DeclaredRole = "public" | "member" | "admin" | "unwrapped";

export interface PageEntry {
  file: string;
  path: string;
}

export interface RouteEntry {
  file: string;
  path: string;
  method: string;
  /** The `role` given to `route()`, or `unwrapped` when the export is not built with it. */
  role: DeclaredRole;
}

export interface ActionEntry {
  file: string;
  exportName: string;
  /** The `role` given to `action()`, or `unwrapped` when the export is not built with it. */
  role: DeclaredRole;
}

export interface AppSurface {
  pages: PageEntry[];
  routes: RouteEntry[];
  actions: ActionEntry[];
  /** Inline `"use server"` directives: actions that cannot be enumerated by their exports. */
  inlineServerDirectives: string[];
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const SOURCE = /\.(ts|tsx|js|jsx|mjs)$/;

export function discoverAppSurface(root = projectRoot): AppSurface {
  const appDir = join(root, "app");
  const pages: PageEntry[] = [];
  const routes: RouteEntry[] = [];
  const actions: ActionEntry[] = [];
  const inlineServerDirectives: string[] = [];

  for (const absolute of [...walk(appDir), ...walk(join(root, "components"))]) {
    const file = relative(root, absolute).split(sep).join("/");
    const source = ts.createSourceFile(file, readFileSync(absolute, "utf8"), ts.ScriptTarget.Latest, true);
    const inApp = file.startsWith("app/");
    const name = file.split("/").at(-1) ?? "";
    if (inApp && /^page\.(tsx|ts|jsx|js)$/.test(name)) pages.push({ file, path: urlPathOf(file) });
    if (inApp && /^route\.(ts|js)$/.test(name)) {
      for (const exported of exportsOf(source, "route")) {
        if (HTTP_METHODS.includes(exported.name)) {
          routes.push({ file, path: urlPathOf(file), method: exported.name, role: exported.role });
        }
      }
    }
    if (hasTopLevelUseServer(source)) {
      for (const exported of exportsOf(source, "action")) {
        actions.push({ file, exportName: exported.name, role: exported.role });
      }
    }
    inlineServerDirectives.push(...inlineUseServer(source).map((line) => `${file}:${line}`));
  }
  return { pages, routes, actions, inlineServerDirectives };
}

function* walk(directory: string): Generator<string> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (SOURCE.test(entry.name) && !/\.(test|e2e)\.tsx?$/.test(entry.name)) yield path;
  }
}

/**
 * `app/(app)/settings/page.tsx` → `/settings`. Route groups vanish, private folders never route,
 * dynamic segments get a placeholder value (the guard runs before any lookup by that value).
 */
export function urlPathOf(file: string): string {
  const segments = file
    .split("/")
    .slice(1, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith("@"))
    .map((segment) => (segment.startsWith("[") ? "e2e-probe" : segment));
  return `/${segments.join("/")}`;
}

/** Which Next.js entry (a key in the server reference manifest) serves a URL: `app/(app)/settings/page`. */
export function entryPathOf(entry: string): string {
  return urlPathOf(`${entry}.tsx`);
}

function hasTopLevelUseServer(source: ts.SourceFile): boolean {
  const first = source.statements[0];
  return (
    first !== undefined &&
    ts.isExpressionStatement(first) &&
    ts.isStringLiteral(first.expression) &&
    first.expression.text === "use server"
  );
}

function inlineUseServer(source: ts.SourceFile): number[] {
  const lines: number[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isExpressionStatement(node) &&
      ts.isStringLiteral(node.expression) &&
      node.expression.text === "use server" &&
      node.parent !== source
    ) {
      lines.push(source.getLineAndCharacterOfPosition(node.getStart()).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  return lines;
}

/** Each exported name with the role its wrapper (`route(...)` or `action(...)`) declares. */
function exportsOf(
  source: ts.SourceFile,
  wrapper: "route" | "action",
): { name: string; role: DeclaredRole }[] {
  const found: { name: string; role: DeclaredRole }[] = [];
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) {
          found.push({ name: declaration.name.text, role: declaredRole(declaration.initializer, wrapper) });
        } else {
          // `export const { GET, POST } = handlers`: names without a wrapper.
          for (const element of bindingNames(declaration.name))
            found.push({ name: element, role: "unwrapped" });
        }
      }
    } else if (ts.isFunctionDeclaration(statement) && isExported(statement)) {
      const isDefault = statement.modifiers?.some(
        (modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword,
      );
      found.push({ name: isDefault ? "default" : (statement.name?.text ?? "default"), role: "unwrapped" });
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const element of statement.exportClause.elements)
        found.push({ name: element.name.text, role: "unwrapped" });
    } else if (ts.isExportAssignment(statement)) {
      found.push({ name: "default", role: "unwrapped" });
    }
  }
  return found;
}

function isExported(node: ts.VariableStatement | ts.FunctionDeclaration): boolean {
  return node.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

function bindingNames(pattern: ts.BindingName): string[] {
  if (ts.isIdentifier(pattern)) return [pattern.text];
  return pattern.elements.flatMap((element) =>
    ts.isOmittedExpression(element) ? [] : bindingNames(element.name),
  );
}

function declaredRole(initializer: ts.Expression | undefined, wrapper: string): DeclaredRole {
  if (!initializer || !ts.isCallExpression(initializer)) return "unwrapped";
  if (!ts.isIdentifier(initializer.expression) || initializer.expression.text !== wrapper) return "unwrapped";
  const options = initializer.arguments[0];
  if (!options || !ts.isObjectLiteralExpression(options)) return "unwrapped";
  for (const property of options.properties) {
    if (
      ts.isPropertyAssignment(property) &&
      ts.isIdentifier(property.name) &&
      property.name.text === "role" &&
      ts.isStringLiteral(property.initializer) &&
      ["public", "member", "admin"].includes(property.initializer.text)
    ) {
      return property.initializer.text as DeclaredRole;
    }
  }
  return "unwrapped";
}
