/**
 * The classroom's contract over plain MQTT 3.1.1, shared by the page and the lab's gate: topic
 * names, who may use which, the name and code rules, and what a refused CONNACK means. Nothing here
 * needs a particular broker: presence is retained messages plus a will, messages are QoS 1.
 *
 *   classroom/<code>/presence/<name>       retained "online" | "offline" (the will says "offline")
 *   classroom/<code>/inbox/<to>/<from>     JSON {id, text}, QoS 1; <from> is the sender's name
 *   classroom/<code>/step                  retained JSON {lesson, step}: the teacher's lesson step
 */
import type { RoomStep } from '../../bridge/classroom-api';

/** A join code: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;
const CODE_RULE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** Names become topic levels and client ids: letters, digits, - and _, 1–16 characters. */
export const NAME_MAX_CHARS = 16;
const NAME_RULE = /^[A-Za-z][A-Za-z0-9_-]{0,15}$/;
/** The teacher's MQTT user name; no student may take it. */
export const TEACHER_USER = 'teacher';
/** The longest message a student may send, in characters. */
export const MESSAGE_MAX_CHARS = 500;

export const isJoinCode = (code: string): boolean => CODE_RULE.test(code);

/** One chat message on the wire: its id (the sender's, unique per sender) and its text. */
export interface ChatPayload {
  readonly id?: string;
  readonly text: string;
}

/**
 * A chat message as sent. QoS 1 is "at least once": after a reconnect the broker may deliver one
 * again, and the id is what lets the recipient show it once (the same idea as the simulation's
 * message ids).
 */
export const encodeChat = (id: string, text: string): string => JSON.stringify({ id, text });

/** A chat message as received; a payload from another MQTT client is shown as its text, with no id. */
export function decodeChat(payload: string): ChatPayload {
  try {
    const v = JSON.parse(payload) as unknown;
    if (
      typeof v === 'object' &&
      v !== null &&
      typeof (v as { id?: unknown }).id === 'string' &&
      typeof (v as { text?: unknown }).text === 'string'
    ) {
      const { id, text } = v as { id: string; text: string };
      return { id: id.slice(0, 64), text };
    }
  } catch {
    // not JSON: someone else's client; its payload is the text
  }
  return { text: payload };
}

/** Why a name is refused, in words a student can act on; null when it is fine. */
export function nameProblem(name: string): string | null {
  if (name.length === 0) return 'Type a name first.';
  if (name.length > NAME_MAX_CHARS) return `Use at most ${NAME_MAX_CHARS} characters.`;
  if (!NAME_RULE.test(name))
    return 'Start with a letter; then use only letters, digits, - or _ (no spaces).';
  if (name.toLowerCase() === TEACHER_USER) return '"teacher" is kept for the teacher.';
  return null;
}

/** The WebSocket path the lab's classroom server bridges to the broker. */
export const CLASSROOM_WS_PATH = '/mqtt';

export const roomPrefix = (code: string): string => `classroom/${code}`;
export const presenceTopic = (code: string, name: string): string =>
  `${roomPrefix(code)}/presence/${name}`;
export const presenceFilter = (code: string): string => `${roomPrefix(code)}/presence/+`;
export const inboxTopic = (code: string, to: string, from: string): string =>
  `${roomPrefix(code)}/inbox/${to}/${from}`;
export const inboxFilter = (code: string, me: string): string =>
  `${roomPrefix(code)}/inbox/${me}/+`;
export const stepTopic = (code: string): string => `${roomPrefix(code)}/step`;

/** A student's client id is fixed by the name, so a returning student resumes the same session. */
export const studentClientId = (code: string, name: string): string =>
  `${code}-${name.toLowerCase()}`;
/** Teachers' client ids start so (a random tail each: two teacher tabs do not evict each other). */
export const teacherClientIdPrefix = (code: string): string => `${code}~teacher-`;

/** The CONNECT password: the join code, then the teacher's secret or the student's member key. */
export const joinPassword = (code: string, key: string): string => `${code}:${key}`;

/** What the topic after the room prefix says: who, and what kind of topic. */
export type RoomTopic =
  | { readonly kind: 'presence'; readonly name: string }
  | { readonly kind: 'inbox'; readonly to: string; readonly from: string }
  | { readonly kind: 'step' };

/** Reads a topic of room `code`; null for anything else (another room, $SYS, wildcards…). */
export function parseRoomTopic(code: string, topic: string): RoomTopic | null {
  const prefix = `${roomPrefix(code)}/`;
  if (!topic.startsWith(prefix)) return null;
  const parts = topic.slice(prefix.length).split('/');
  const isName = (s: string | undefined): s is string => s !== undefined && NAME_RULE.test(s);
  if (parts.length === 1 && parts[0] === 'step') return { kind: 'step' };
  if (parts.length === 2 && parts[0] === 'presence' && isName(parts[1]))
    return { kind: 'presence', name: parts[1] };
  if (parts.length === 3 && parts[0] === 'inbox' && isName(parts[1]) && isName(parts[2]))
    return { kind: 'inbox', to: parts[1], from: parts[2] };
  return null;
}

export type { RoomStep };

export function parseRoomStep(payload: string): RoomStep | null {
  try {
    const v = JSON.parse(payload) as unknown;
    if (typeof v !== 'object' || v === null) return null;
    const { lesson, step } = v as Record<string, unknown>;
    if (typeof lesson !== 'string' || !/^[a-z0-9-]{1,64}$/.test(lesson)) return null;
    if (typeof step !== 'number' || !Number.isInteger(step) || step < 1 || step > 99) return null;
    return { lesson, step };
  } catch {
    return null;
  }
}

/**
 * Refused CONNACKs (MQTT 3.1.1 §3.2.2.3): the gate answers with the standard codes, so the page
 * reads the same reasons from any broker that checks passwords the same way.
 */
export const REFUSALS = {
  2: 'That name is taken in this room: pick another one.',
  3: 'The room is full: ask your teacher to make it larger.',
  4: 'Wrong join code: check the code your teacher shows.',
  5: 'This teacher link is not valid for the room: copy it again from the lab’s terminal.',
} as const;
export type RefusalCode = keyof typeof REFUSALS;
