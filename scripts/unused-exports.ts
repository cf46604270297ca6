/**
 * The unused-export check: every `export` in the product code (electron/, renderer/src/) and in
 * the shared test/dev helpers (dev/, test/support/) must be used by another file — the app, the
 * CLI, a test, a bench. An export nobody imports is either dead code or an `export` keyword too
 * many; both hide what a module's real surface is.
 *
 * How: one TypeScript program over tsconfig.test.json (it includes every folder); every identifier
 * outside export specifiers is resolved (through aliases and `export *` barrels) to the symbol it
 * names, and a declaration counts as used when an identifier in another file resolves to it.
 *
 *   npx tsx scripts/unused-exports.ts        (run by `npm run lint` and scripts/test.sh)
 *
 * scripts/unused-exports.baseline.txt lists the ones not yet dropped (`file name` a line; files
 * other engineers were changing in the same session). The check fails on any unused export not
 * in it AND on any entry that is no longer unused, so the list only shrinks.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface UnusedExport {
  /** Repository-relative path with forward slashes. */
  readonly file: string;
  readonly name: string;
  readonly line: number;
}

export interface UnusedExportOptions {
  /** The folder paths are reported relative to. */
  readonly root: string;
  /** The program's files (absolute). */
  readonly files: readonly string[];
  readonly compilerOptions: ts.CompilerOptions;
  /** Whether a file's exports are checked (repository-relative path). */
  readonly checks: (file: string) => boolean;
}

/** Entry points: their exports are what a bundler or runtime loads, not what a file imports. */
const ENTRY_FILES = new Set(['electron/main/main.ts', 'electron/preload/preload.ts', 'electron/cli/ferry.ts', 'renderer/src/main.tsx']);

export const defaultChecks = (file: string): boolean =>
  !ENTRY_FILES.has(file) &&
  !file.endsWith('.d.ts') &&
  (file.startsWith('electron/') || file.startsWith('renderer/src/') || file.startsWith('dev/') || file.startsWith('test/support/'));

export function findUnusedExports(options: UnusedExportOptions): UnusedExport[] {
  const program = ts.createProgram({ rootNames: [...options.files], options: options.compilerOptions });
  const checker = program.getTypeChecker();
  const rel = (f: string) => path.relative(options.root, f).split(path.sep).join('/');
  const own = program.getSourceFiles().filter((sf) => !sf.isDeclarationFile && !rel(sf.fileName).startsWith('..') && !rel(sf.fileName).includes('node_modules/'));

  const resolve = (symbol: ts.Symbol): ts.Symbol => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  /** Declarations used from another file than their own. */
  const usedElsewhere = new Set<ts.Symbol>();
  /** Re-exports (aliases) some import went through. */
  const usedHops = new Set<ts.Symbol>();
  for (const sf of own) {
    const visit = (node: ts.Node): void => {
      if (ts.isExportSpecifier(node)) return; // a re-export is not a use
      if (ts.isIdentifier(node)) {
        const symbol = checker.getSymbolAtLocation(node);
        if (symbol !== undefined) {
          // Every hop of an import chain is used: `import { a } from './barrel'` uses the barrel's
          // `export { a } from './a'` as well as `a` itself.
          for (let hop = symbol; hop.flags & ts.SymbolFlags.Alias; ) {
            const next = checker.getImmediateAliasedSymbol(hop);
            if (next === undefined || usedHops.has(next)) break;
            usedHops.add(next);
            hop = next;
          }
          const target = resolve(symbol);
          if (target.declarations?.some((d) => d.getSourceFile() !== sf)) usedElsewhere.add(target);
          // `{ a }` shorthand in an object literal names the local value too.
          if (ts.isShorthandPropertyAssignment(node.parent)) {
            const value = checker.getShorthandAssignmentValueSymbol(node.parent);
            if (value !== undefined) {
              const t = resolve(value);
              if (t.declarations?.some((d) => d.getSourceFile() !== sf)) usedElsewhere.add(t);
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  const unused: UnusedExport[] = [];
  for (const sf of own) {
    const file = rel(sf.fileName);
    if (!options.checks(file)) continue;
    const moduleSymbol = checker.getSymbolAtLocation(sf);
    if (moduleSymbol === undefined) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const declarations = exported.declarations ?? [];
      const first = declarations[0];
      // `export *` hands over the declarations of another file: checked there.
      if (first === undefined || declarations.every((d) => d.getSourceFile() !== sf)) continue;
      const isReExport = (exported.flags & ts.SymbolFlags.Alias) !== 0;
      if (isReExport ? usedHops.has(exported) : usedElsewhere.has(exported)) continue;
      unused.push({ file, name: exported.name, line: sf.getLineAndCharacterOfPosition(first.getStart()).line + 1 });
    }
  }
  return unused.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** The repository's program, from tsconfig.test.json. */
export function repositoryOptions(root: string): UnusedExportOptions {
  const configPath = path.join(root, 'tsconfig.test.json');
  const read = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  if (read.error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  return { root, files: parsed.fileNames, compilerOptions: parsed.options, checks: defaultChecks };
}

/** What the baseline file says: a set of `file name` keys (comments with #). */
export function parseBaseline(text: string): Set<string> {
  return new Set(
    text
      .split(/\r?\n/)
      .map((l) => l.replace(/#.*/, '').trim())
      .filter((l) => l !== '')
      .map((l) => l.split(/\s+/).join(' ')),
  );
}

export const baselineKey = (u: UnusedExport): string => `${u.file} ${u.name}`;

/** New unused exports (not in the baseline) and stale baseline entries (no longer unused). */
export function compareWithBaseline(unused: readonly UnusedExport[], baseline: ReadonlySet<string>): { added: UnusedExport[]; stale: string[] } {
  const found = new Set(unused.map(baselineKey));
  return { added: unused.filter((u) => !baseline.has(baselineKey(u))), stale: [...baseline].filter((k) => !found.has(k)).sort() };
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  const root = path.dirname(path.dirname(path.resolve(new URL(import.meta.url).pathname)));
  const started = Date.now();
  const unused = findUnusedExports(repositoryOptions(root));
  const baselineFile = path.join(root, 'scripts', 'unused-exports.baseline.txt');
  const baseline = parseBaseline(fs.existsSync(baselineFile) ? fs.readFileSync(baselineFile, 'utf8') : '');
  const { added, stale } = compareWithBaseline(unused, baseline);
  for (const u of added) console.log(`${u.file}:${u.line}: '${u.name}' is exported but no other file uses it (drop the export, or the code)`);
  for (const k of stale) console.log(`scripts/unused-exports.baseline.txt: '${k}' is used now (or gone): remove the line`);
  console.log(`unused exports: ${added.length} new, ${unused.length - added.length} in the baseline, ${stale.length} stale baseline lines (${Date.now() - started} ms)`);
  process.exit(added.length === 0 && stale.length === 0 ? 0 : 1);
}
