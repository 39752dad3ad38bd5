/**
 * The model's promises about a chat's life, each checkable from the trace alone at the moment an
 * event happens. They are DESIGN's "nothing lost, nothing shown twice, order kept, deleted only
 * after the ack" in the small: whatever a component does to get there, it must keep these.
 */
export const PROMISES = {
  'time-forward': 'virtual time never runs backwards in the trace',
  'known-chat': "every event about a chat comes after the sender's phone created it",
  'accepted-from-sender': 'the gateway accepts (✓) a chat only from the phone that created it',
  'gateway-had-it':
    'the gateway pushes, stores or fetches a chat only after accepting it, and a receipt only after its cause',
  'right-phone': 'a chat goes only to its recipient, and its receipts only to its sender',
  'at-most-once': 'a chat is shown at most once; every later copy is dropped by its id',
  'per-chat-order': "a recipient shows each sender's chats in the order they were sent",
  'duplicate-of-shown': 'a copy is dropped as a duplicate only if the phone already shows the chat',
  'ack-after-delivery': 'a device acks only a chat it shows',
  'delete-after-ack': "the store deletes a delivery only after the recipient's ack",
  'fetch-what-is-held': 'the store hands back only what it holds',
  'read-after-delivery': 'a chat is read only on the phone that shows it, and only once',
  'receipt-after-cause':
    '✓✓ reaches the sender only after the chat is on the recipient’s phone, "read" only after it was opened, each once, and never before ✓',
  'dead-gateway-silent': 'a crashed gateway routes nothing until it restarts',
} as const;

/** One promise, by name. */
export type PromiseId = keyof typeof PROMISES;
