/** How good a phone's mobile link is: its latency, loss and drops (net/mobile-link.ts has the figures). */
export type LinkQuality = 'good' | 'flaky' | 'offline';
export const LINK_QUALITIES: readonly LinkQuality[] = ['good', 'flaky', 'offline'];
