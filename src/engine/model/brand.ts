/** Branded primitives: ids and times that cannot be swapped for one another by accident. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Virtual time in milliseconds since the start of a run. */
export type SimMs = Brand<number, 'SimMs'>;
/** A phone's user, numbered from 1 in spawn order ("u1", "u2", …). */
export type UserId = Brand<number, 'UserId'>;
/** A chat message, numbered per run from 1 in the order phones create them. */
export type MessageId = Brand<number, 'MessageId'>;

export const simMs = (n: number): SimMs => n as SimMs;
export const userId = (n: number): UserId => n as UserId;
export const messageId = (n: number): MessageId => n as MessageId;

export function assertNever(x: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}
