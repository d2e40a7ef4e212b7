/**
 * What the browser may load from `server/`. Every module a `'use client'` file reaches (through imports, re-exports
 * and dynamic `import()`, type-only imports aside, since the compiler erases them) ships to the browser. Of
 * `server/`, such a module may be only:
 *   - a domain's `<domain>.labels.ts`, `<domain>.input.ts` or `<domain>.search-params.ts`, or
 *   - one of the few shared client-safe modules in CLIENT_SAFE_SERVER_MODULES,
 * and nothing it reaches may be a package that only runs on the server (Drizzle, the database drivers, argon2,
 * `server-only`, Node built-ins). Checked over the whole project by scripts/client-boundary.test.ts, which names
 * the import chain of each breach.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

/** Shared `server/` modules that are client-safe by design (no Drizzle, no database, no Node). */
export const CLIENT_SAFE_SERVER_MODULES = [
  'server/validation.ts',
  'server/search-params.ts',
  'server/trpc/limits.ts',
  'server/auth/password-rules.ts',
  'server/actors/countries.ts',
  'server/actors/match-key.ts',
  'server/reactions/alignment.ts',
  'server/reactions/counts-for.ts',
  'server/watch-lists/presets.ts',
];

const CLIENT_SAFE_SERVER_FILE = /^server\/[\w-]+\/[\w-]+\.(labels|input|search-params)\.ts$/;

/** Packages that must never reach the browser (a subpath counts as its package). */
export const SERVER_ONLY_PACKAGES = ['drizzle-orm', 'drizzle-kit', 'pg', '@electric-sql/pglite', '@node-rs/argon2', 'server-only'];

/** A module of the graph: a project file (relative path) or a package specifier (`drizzle-orm/pg-core`, `node:fs`). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

export interface BoundaryBreach {
  /** Entry first, offending module last. */
  chain: string[];
  reason: string;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Why `name` (a module of the graph) may not be in a browser bundle, or null when it may. */
export function whyNotClientSafe(name: string): string | null {
  if (name.startsWith('node:')) return 'a Node built-in';
  if (name.startsWith('server/')) {
    if (CLIENT_SAFE_SERVER_FILE.test(name) || CLIENT_SAFE_SERVER_MODULES.includes(name)) return null;
    return 'a server module that is not client-safe (only *.labels.ts, *.input.ts, *.search-params.ts and CLIENT_SAFE_SERVER_MODULES are)';
  }
  if (/\.(tsx?|mjs|js)$/.test(name)) return null; // another project file: judged by what it imports
  if (SERVER_ONLY_PACKAGES.includes(name) || SERVER_ONLY_PACKAGES.includes(packageName(name))) return 'a server-only package';
  return null;
}

/**
 * Every breach reachable from `entries`, each with the shortest import chain that reaches it (breadth first), one
 * per offending module.
 */
export function findBoundaryBreaches(graph: ImportGraph, entries: readonly string[]): BoundaryBreach[] {
  const cameFrom = new Map<string, string | null>();
  const queue: string[] = [];
  for (const entry of [...entries].sort()) {
    if (!cameFrom.has(entry)) {
      cameFrom.set(entry, null);
      queue.push(entry);
    }
  }
  const breaches: BoundaryBreach[] = [];
  for (let index = 0; index < queue.length; index++) {
    const current = queue[index]!;
    const reason = whyNotClientSafe(current);
    if (reason) {
      const chain = [current];
      for (let step = cameFrom.get(current); step; step = cameFrom.get(step)) chain.unshift(step);
      breaches.push({ chain, reason });
      continue; // one breach per path is enough to name; don't list everything behind it
    }
    for (const next of graph.get(current) ?? []) {
      if (!cameFrom.has(next)) {
        cameFrom.set(next, current);
        queue.push(next);
      }
    }
  }
  return breaches;
}

export function describeBreach(breach: BoundaryBreach): string {
  return `${breach.chain.join(' → ')}  (${breach.reason})`;
}

// ---- Reading the project --------------------------------------------------------------------------------------

const SOURCE_DIRECTORIES = ['app', 'components', 'trpc', 'server', 'lib', 'hooks'];
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.jsx'];

function listSourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (directory: string) => {
    if (!fs.existsSync(directory)) return;
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full);
      } else if (EXTENSIONS.some((extension) => entry.name.endsWith(extension)) && !entry.name.endsWith('.d.ts')) {
        files.push(path.relative(root, full).split(path.sep).join('/'));
      }
    }
  };
  for (const directory of SOURCE_DIRECTORIES) walk(path.join(root, directory));
  return files.sort();
}

/** The specifiers a module really imports at run time: type-only imports and re-exports are erased by the compiler. */
export function runtimeImports(fileName: string, text: string): { specifiers: string[]; usesClient: boolean } {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const specifiers: string[] = [];
  let usesClient = false;
  for (const statement of source.statements) {
    if (ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)) {
      if (statement.expression.text === 'use client') usesClient = true;
      continue;
    }
    break; // directives come first
  }
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const erased =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!erased) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const erased =
        node.isTypeOnly ||
        (clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly));
      if (!erased) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) specifiers.push(argument.text);
    } else if (ts.isImportTypeNode(node)) {
      return; // `typeof import('…')` in a type
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { specifiers, usesClient };
}

function resolveProjectFile(root: string, files: ReadonlySet<string>, base: string): string | null {
  const candidates = [base, ...EXTENSIONS.map((extension) => base + extension), ...EXTENSIONS.map((extension) => `${base}/index${extension}`)];
  return candidates.find((candidate) => files.has(candidate)) ?? null;
}

/** Node built-ins imported without the `node:` prefix (`fs`, `crypto`) are named with it, as one module each. */
const BUILTINS = new Set(builtinModules);

/** The project's import graph (project files by relative path, packages by specifier) and its `'use client'` files. */
export function readProjectGraph(root: string): { graph: Map<string, string[]>; clientEntries: string[] } {
  const fileList = listSourceFiles(root);
  const files = new Set(fileList);
  const graph = new Map<string, string[]>();
  const clientEntries: string[] = [];
  for (const file of fileList) {
    if (/\.test\.tsx?$/.test(file)) continue;
    const { specifiers, usesClient } = runtimeImports(file, fs.readFileSync(path.join(root, file), 'utf8'));
    if (usesClient) clientEntries.push(file);
    const targets: string[] = [];
    for (const specifier of specifiers) {
      if (specifier.startsWith('@/') || specifier.startsWith('.')) {
        const base = specifier.startsWith('@/') ? specifier.slice(2) : path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
        const resolved = resolveProjectFile(root, files, base.replace(/\.js$/, '')) ?? resolveProjectFile(root, files, base);
        targets.push(resolved ?? base);
      } else if (BUILTINS.has(specifier) && !specifier.startsWith('node:')) {
        targets.push(`node:${specifier}`);
      } else {
        targets.push(specifier);
      }
    }
    graph.set(file, [...new Set(targets)]);
  }
  return { graph, clientEntries };
}
