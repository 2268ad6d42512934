// Rows of a by-key report (wait-estimate accuracy, ratings) gathered into their groups.

/** One group per key, labelled by its first row, with `figures` of its rows; keys in order, a
 * number by its value ('2' before '10'). */
export function groupsByKey<T extends { key: string; label: string }, F extends object>(rows: readonly T[], figures: (group: T[]) => F): ({ key: string; label: string } & F)[] {
  const by = new Map<string, T[]>();
  for (const r of rows) {
    const group = by.get(r.key);
    if (group) group.push(r); else by.set(r.key, [r]);
  }
  return [...by].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([key, group]) => ({ key, label: group[0].label, ...figures(group) }));
}
