/**
 * The import graph of the repository's TypeScript, type-only imports included, and its cycles.
 * eslint's import-x/no-cycle (4.18) skips `import type` by design and has no option to count it,
 * so this walk is what keeps a cycle through types out too.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

/** Each file to the files of `files` it imports or re-exports by a relative path. */
export function importGraph(root: string, files: readonly string[]): Map<string, string[]> {
  const known = new Set(files.map((f) => resolve(root, f)));
  const graph = new Map<string, string[]>();
  for (const file of known) {
    const imported = ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map((i) => i.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => resolve(dirname(file), name))
      .filter((path) => known.has(path));
    graph.set(file, imported);
  }
  return graph;
}

/** The tracked TypeScript files below `root`, as git lists them. */
export function trackedTypeScript(root: string): string[] {
  return execFileSync('git', ['ls-files', '--cached', '*.ts'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => f !== '');
}

/** The strongly connected groups of more than one file (Tarjan), each as paths relative to root. */
export function importCycles(root: string, graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      group.push(relative(root, w));
    } while (w !== v);
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
