// Proves lab mode's phones come from the run's named users, as names the simulation can replay.
import { describe, expect, it } from 'vitest';
import { LAB_LIMITS } from '../bridge/lab-api';
import { labUsers } from './lab-users';

const phones = (...names: string[]) => names.map((name) => ({ name }));

describe('labUsers', () => {
  it("takes the run's named users, once each, up to the limit", () => {
    expect(labUsers(phones('alice', 'bob', 'carol', 'bob'))).toEqual(['alice', 'bob', 'carol']);
    const many = 'abcdefghijkl'.split('').map((c) => `user${c}`);
    expect(labUsers(phones(...many))).toHaveLength(LAB_LIMITS.maxPhones);
  });

  it('leaves out numbered and odd names; Alice and Bob when fewer than two remain', () => {
    expect(labUsers(phones('u3', 'alice', 'x y', '<b>'))).toEqual(['alice', 'bob']);
    expect(labUsers([])).toEqual(['alice', 'bob']);
  });
});
