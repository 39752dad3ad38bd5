// Proves the spike bench reads the page's clock right: minutes, hours and milliseconds.
import { describe, expect, it } from 'vitest';
import { clockSeconds } from '../../src/cli/bench-spike';

describe('clockSeconds', () => {
  it('reads m:ss.mmm and h:mm:ss.mmm as seconds', () => {
    expect(clockSeconds('0:02.074')).toBeCloseTo(2.074);
    expect(clockSeconds(' 1:05.500 ')).toBeCloseTo(65.5);
    expect(clockSeconds('1:02:03.004')).toBeCloseTo(3723.004);
  });
});
