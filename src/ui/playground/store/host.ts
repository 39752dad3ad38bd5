import type { FrameBatch, PlaygroundControl } from '../../../bridge/playground-api';

/**
 * What the page needs of a host: the control plane plus the stream of frame batches. The
 * one-thread host (`LocalPlayground`) and the worker host both have this shape.
 */
export interface PlaygroundHost extends PlaygroundControl {
  subscribe(fn: (batch: FrameBatch) => void): () => void;
  /** Shows `user` in detail in snapshots even past the first phones (both hosts have it). */
  select?(user: number | undefined): Promise<void>;
}
