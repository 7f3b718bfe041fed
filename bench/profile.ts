/** Sums the `SNA_PROFILE=1` statement lines of a run into its costliest statement kinds. */

export interface StatementCost {
  /** The statement's opening words: the table it creates, or the comment that heads a file. */
  statement: string;
  count: number;
  wallMs: number;
  cpuMs: number;
}

/** Statements run once per file differ only after their opening words. */
const KEY_LENGTH = 72;

export function statementCosts(stderr: string): StatementCost[] {
  const costs = new Map<string, StatementCost>();
  for (const line of stderr.split('\n')) {
    const [tag, wall, cpu, statement] = line.split('\t');
    if (tag !== 'sna-profile' || statement === undefined) continue;
    const key = statement.slice(0, KEY_LENGTH);
    const cost = costs.get(key) ?? { statement: key, count: 0, wallMs: 0, cpuMs: 0 };
    cost.count += 1;
    cost.wallMs += Number(wall);
    cost.cpuMs += Number(cpu);
    costs.set(key, cost);
  }
  return [...costs.values()].sort((a, b) => b.wallMs - a.wallMs);
}

export function formatCosts(costs: readonly StatementCost[], top = 20): string {
  const total = costs.reduce((sum, c) => sum + c.wallMs, 0);
  const lines = costs
    .slice(0, top)
    .map(
      (c) =>
        `${(c.wallMs / 1000).toFixed(2).padStart(8)} s ${(c.cpuMs / 1000).toFixed(2).padStart(8)} s cpu ${String(c.count).padStart(4)}×  ${c.statement}`,
    );
  return [
    `slowest SQL statements (of ${(total / 1000).toFixed(2)} s in SQL):`,
    '    wall        cpu      runs  statement',
    ...lines,
  ].join('\n');
}
