/** Where a phone stands with the gateway, as the learner sees it on the diagram. */
export type PhoneStatus =
  | 'offline' // the user took the phone offline
  | 'no-network' // the link is down; it reconnects when the link returns
  | 'connecting'
  | 'online'
  | 'backoff' // refused or dropped; waiting out a retry delay
  | 'gave-up'; // too many attempts; the outbox is kept, visibly

/** How long a phone waits for a connection to be accepted before it counts as failed. */
export const CONNECT_TIMEOUT_MS = 30_000;
