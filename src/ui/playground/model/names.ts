/** Friendly names for the first phones a learner spawns (valid scenario names: letters only). */
export const PHONE_NAMES = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'grace',
  'heidi',
  'ivan',
  'judy',
  'mallory',
  'niaj',
  'olivia',
  'peggy',
  'rupert',
  'sybil',
  'trent',
  'uma',
  'victor',
  'walter',
  'xena',
  'yara',
  'zoe',
  'quinn',
] as const;

/** Names for `count` phones numbered from `firstUser`; phones past the list stay unnamed (`u25`). */
export function namesFor(firstUser: number, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = PHONE_NAMES[firstUser - 1 + i];
    if (name === undefined) break;
    out.push(name);
  }
  return out;
}

/** Capitalised for headings: `Alice` (numbered phones stay `u57`). */
export const displayName = (name: string): string =>
  name.length && !/^u\d+$/.test(name) ? name[0]!.toUpperCase() + name.slice(1) : name;
