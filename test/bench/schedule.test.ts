import { blockLength, roundOrder } from '../../src/bench/schedule';

describe('the benchmark schedule (Williams design)', () => {
  test.each([1, 2, 3, 4, 5, 6, 7])('with %i scenarios every round runs each once, and a block balances positions and predecessors', (n) => {
    const rounds = Array.from({ length: blockLength(n) }, (_, round) => roundOrder(round, n));
    const positions = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    const follows = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (const order of rounds) {
      expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      order.forEach((scenario, position) => positions[scenario][position]++);
      for (let k = 1; k < order.length; k++) follows[order[k]][order[k - 1]]++;
    }
    // A block of b rounds: each scenario b / n times in each position, and b / n times after each other one.
    const each = rounds.length / n;
    for (const row of positions) expect(row).toEqual(new Array<number>(n).fill(each));
    follows.forEach((row, scenario) => row.forEach((count, before) => expect(count).toBe(scenario === before ? 0 : each)));
  });

  test('the design repeats after one block', () => {
    expect(roundOrder(10, 5)).toEqual(roundOrder(0, 5));
    expect(roundOrder(7, 5)).toEqual(roundOrder(2, 5).reverse());
  });

  test('rejects a scenario count that is not a positive integer', () => {
    expect(() => roundOrder(0, 0)).toThrow('scenarios must be a positive integer, got 0');
  });
});
