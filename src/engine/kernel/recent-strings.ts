/**
 * The last string seen of each length (mod the slot count), with a number kept for it. For
 * streams where a few strings (protocol and packet names) repeat endlessly among many one-offs
 * ('c1234'): a repeat costs one comparison, a one-off no hashing and no insertion.
 */
export class RecentStrings {
  private readonly strings: (string | undefined)[];
  private readonly values: Float64Array;
  private readonly mask: number;

  /** `slots` must be a power of two. */
  constructor(slots = 64) {
    this.strings = new Array<string | undefined>(slots).fill(undefined);
    this.values = new Float64Array(slots);
    this.mask = slots - 1;
  }

  /** The number kept for `s`, if `s` is the last string seen of its length. */
  get(s: string): number | undefined {
    const i = s.length & this.mask;
    return this.strings[i] === s ? this.values[i] : undefined;
  }

  /** Keeps `value` for `s`, in place of the last string of its length. */
  set(s: string, value: number): void {
    const i = s.length & this.mask;
    this.strings[i] = s;
    this.values[i] = value;
  }

  clear(): void {
    this.strings.fill(undefined);
  }
}
