/** Every bound in the engine, in one place (a bound on everything keeps runs finite). */
export const LIMITS = {
  /** Phones in one run (the connection-density bench uses a million). */
  maxPhones: 2_000_000,
  /** Virtual duration of one run. */
  maxDurationMs: 24 * 3600 * 1000,
  /** Events the kernel will process in one run before stopping with an error. */
  maxEventsPerRun: 2_000_000_000,
  /** Messages a phone holds unsent before `send` is refused. */
  maxOutboxPerPhone: 10_000,
  /** Envelopes the gateway queues in memory for one connection before spilling to the store. */
  maxQueuedPerConnection: 1_000,
  /** Messages the store hands back per fetch. */
  storeFetchBatch: 100,
  /** Trace events a recorder keeps (older ones are summarised, never silently dropped from metrics). */
  maxRecordedEvents: 200_000,
  /** Scripted actions in one scenario. */
  maxScenarioActions: 100_000,
  /** Connection attempts one spike may create. */
  maxSpikeConnections: 1_000_000,
  /** Body bytes of one chat message. */
  maxMessageBytes: 64 * 1024,
} as const;
