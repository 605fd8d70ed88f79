/**
 * Import cycles between the feature folders of a service (the first folder
 * under `src/`: partners, relationships, assets…). A cycle there means two
 * features each need the other, and Nest modules importing each other (or a
 * module passed around to break the loop): the folders should be split, or
 * the shared part moved to a feature of its own.
 */

/** A file's feature, or null for a file at the root of `src/` (main.ts, app.module.ts wire the features and may import them all). */
export function featureOf(pathInSrc: string): string | null {
  const slash = pathInSrc.indexOf('/');
  return slash < 0 ? null : pathInSrc.slice(0, slash);
}

/** The edges feature → feature of a service's relative imports (`../assets/asset.service` from `views/…`). */
export function featureEdges(files: ReadonlyArray<{ path: string; source: string }>): Array<[string, string]> {
  const edges = new Set<string>();
  for (const file of files) {
    const from = featureOf(file.path);
    if (!from) continue;
    for (const match of file.source.matchAll(/from '(\.\.\/[^']+)'/g)) {
      const target = resolveRelative(file.path, match[1] ?? '');
      const to = target ? featureOf(target) : null;
      if (to && to !== from) edges.add(`${from}\u0000${to}`);
    }
  }
  return [...edges].map((edge) => edge.split('\u0000') as [string, string]).sort();
}

/** Every cycle of the graph, each as its features in order, smallest first (one per strongly connected set). */
export function featureCycles(edges: ReadonlyArray<readonly [string, string]>): string[][] {
  const next = new Map<string, string[]>();
  for (const [from, to] of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const cycles = new Map<string, string[]>();
  const visit = (node: string, path: string[]): void => {
    for (const to of next.get(node) ?? []) {
      const at = path.indexOf(to);
      if (at >= 0) {
        const cycle = path.slice(at);
        // Rotated to start at its first feature by name, so each cycle reads the same however it was found.
        const start = cycle.indexOf([...cycle].sort()[0] ?? '');
        cycles.set([...cycle].sort().join(','), [...cycle.slice(start), ...cycle.slice(0, start)]);
      } else if (path.length < 20) {
        visit(to, [...path, to]);
      }
    }
  };
  for (const node of next.keys()) visit(node, [node]);
  return [...cycles.values()].sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
}

function resolveRelative(fromPath: string, specifier: string): string | null {
  const parts = fromPath.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}
