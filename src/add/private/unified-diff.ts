/**
 * A unified diff of two texts, line by line (longest common subsequence), for `--dry-run`.
 */

const CONTEXT = 3;

/** The unified diff of `before` and `after`, or '' when equal. */
export function unifiedDiff(before: string, after: string, name: string): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
  const lcs = a.map(() => new Array<number>(b.length + 1).fill(0));
  lcs.push(new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const ops: Array<{ op: ' ' | '-' | '+'; line: string; ai: number; bi: number }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ op: ' ', line: a[i], ai: i++, bi: j++ });
    else if (j < b.length && (i >= a.length || lcs[i][j + 1] >= lcs[i + 1][j])) ops.push({ op: '+', line: b[j], ai: i, bi: j++ });
    else ops.push({ op: '-', line: a[i], ai: i++, bi: j });
  }
  const out = [`--- a/${name}`, `+++ b/${name}`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k].op === ' ') {
      k++;
      continue;
    }
    // Changes closer than twice the context share one hunk.
    let last = k;
    for (let n = k + 1; n < ops.length && n - last <= 2 * CONTEXT; n++) if (ops[n].op !== ' ') last = n;
    const hunk = ops.slice(Math.max(0, k - CONTEXT), Math.min(ops.length, last + CONTEXT + 1));
    const aLen = hunk.filter((o) => o.op !== '+').length;
    const bLen = hunk.filter((o) => o.op !== '-').length;
    out.push(`@@ -${hunk[0].ai + 1},${aLen} +${hunk[0].bi + 1},${bLen} @@`, ...hunk.map((o) => `${o.op}${o.line}`));
    k = last + CONTEXT + 1;
  }
  return `${out.join('\n')}\n`;
}
