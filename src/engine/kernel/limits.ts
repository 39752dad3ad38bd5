/** Every bound in the engine, in one place (a bound on everything keeps runs finite). */
export const LIMITS = {
  /** Phones in one run (the connection-density bench uses a million). */
  maxPhones: 2_000_000,
  /** Virtual duration of one run. */
  maxDurationMs: 24 * 3600 * 1000,
  /**
   * Events a scenario may ask for, estimated before it runs (scenario/work-budget.ts). The engine
   * handles about 1–1.5 million events a second on one core (`npm run bench`, idle fleet, warm), so
   * this is a run of two to three minutes: long for a playground, and room for every example,
   * lesson and bench (the largest, a million idle MQTT phones for ten virtual minutes, is
   * estimated at 6×10⁷). Past it, 20 spikes of a million phones or 2 million phones for a day
   * are refused with the field that costs most, instead of exhausting the heap or running for hours.
   */
  maxWorkEvents: 200_000_000,
  /**
   * Events the kernel will process in one run before stopping with an error: ten times the work
   * budget, a backstop should an estimate ever fall that far short.
   */
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
