/**
 * The engine's names for trace actors (`gateway`, `sessions`, `u12`), shared with the views so the
 * exported event log names actors exactly as `sim run --trace` does: one definition, the engine's.
 */
export { actorName } from '../engine/model/actors';
