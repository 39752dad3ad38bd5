import { LAB_LIMITS } from '../bridge/lab-api';

/** The phones a lab starts with when the run names fewer than two. */
const DEFAULT_USERS = ['alice', 'bob'];

/**
 * The run's named users that lab mode turns into real phones: names the simulation can replay
 * (letters only, not `u3`), at most {@link LAB_LIMITS.maxPhones}; Alice and Bob when fewer than two.
 */
export function labUsers(phones: readonly { readonly name: string }[]): string[] {
  const names = phones
    .map((p) => p.name)
    .filter((n) => /^[a-z]{1,16}$/i.test(n) && !/^u\d+$/i.test(n));
  const unique = [...new Set(names)].slice(0, LAB_LIMITS.maxPhones);
  return unique.length >= 2 ? unique : DEFAULT_USERS;
}
