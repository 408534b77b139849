/**
 * Collects spec problems so that every one is reported at once.
 */
import { SpecError, SpecProblem } from '../spec-error';

/** A list of problems with small helpers for the common checks. */
export class Problems {
  private readonly list: SpecProblem[] = [];

  /** Records a problem. */
  public add(path: string, value: unknown, message: string): void {
    this.list.push({ path, value, message });
  }

  /** Records a problem unless `ok` holds; returns `ok`. */
  public check(ok: boolean, path: string, value: unknown, message: string): boolean {
    if (!ok) this.add(path, value, message);
    return ok;
  }

  /** Records a problem for each value that repeats, keyed by `key`. */
  public unique<T>(items: readonly T[], key: (item: T) => string, path: (index: number) => string, what: string): void {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const k = key(item);
      const first = seen.get(k);
      if (first === undefined) seen.set(k, index);
      else this.add(path(index), k, `duplicates ${what} ${path(first)}; remove one or rename it.`);
    });
  }

  /** Throws a SpecError if anything was recorded. */
  public throwIfAny(): void {
    if (this.list.length > 0) throw new SpecError(this.list);
  }
}
