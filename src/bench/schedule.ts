/**
 * The order of the scenarios in one round: a Williams design. Each block of `2n` rounds (`n` of them
 * for an even `n`) runs every scenario once per round, in every position equally often, and right after
 * every other scenario equally often. What one scenario leaves behind (garbage to collect, a warm or
 * cold cache) then weighs on all of them alike, instead of always on the one that follows it.
 */
export function roundOrder(round: number, scenarios: number): number[] {
  if (!Number.isInteger(scenarios) || scenarios < 1) throw new RangeError(`scenarios must be a positive integer, got ${scenarios}`);
  // The first row: 0, 1, n-1, 2, n-2, ...; the other rows shift it; odd n adds the mirrored rows.
  const first = [0];
  for (let k = 1; first.length < scenarios; k++) {
    first.push(k);
    if (first.length < scenarios) first.push(scenarios - k);
  }
  const order = first.map((scenario) => (scenario + round) % scenarios);
  const mirrored = scenarios % 2 === 1 && Math.floor(round / scenarios) % 2 === 1;
  return mirrored ? order.reverse() : order;
}

/** How many rounds one balanced block of the design has. */
export function blockLength(scenarios: number): number {
  return scenarios % 2 === 1 ? 2 * scenarios : scenarios;
}
