/**
 * The classroom's rules, checked on every packet a browser sends before it reaches the broker:
 * the join code and the room's size on CONNECT, and on SUBSCRIBE and PUBLISH that a student stays
 * inside the room's topics (never another room's, never $SYS) and speaks only as themself. Pure:
 * the bridge feeds it decoded packets and acts on its verdicts.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { MqttConnect, MqttPublish, MqttSubscribe } from '../../engine/protocols/mqtt/messages';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  MESSAGE_MAX_CHARS,
  TEACHER_USER,
  inboxFilter,
  nameProblem,
  parseRoomTopic,
  presenceFilter,
  presenceTopic,
  stepTopic,
  studentClientId,
  teacherClientIdPrefix,
  type RefusalCode,
} from '../classroom/room-protocol';

export const DEFAULT_ROOM_SIZE = 40;
export const MAX_ROOM_SIZE = 500;

export interface Room {
  readonly code: string;
  readonly teacherSecret: string;
  readonly size: number;
  /** Members by lower-case name: a name, once taken, stays its first owner's (by member key). */
  readonly members: Map<string, { readonly name: string; readonly key: string }>;
}

/** Who a connection is, once its CONNECT passed. */
export type Member =
  | { readonly role: 'student'; readonly code: string; readonly name: string }
  | { readonly role: 'teacher'; readonly code: string };

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };
const OK: Verdict = { ok: true };
const no = (reason: string): Verdict => ({ ok: false, reason });

export function randomCode(length = CODE_LENGTH): string {
  const bytes = randomBytes(length);
  // 256 % 31 ≠ 0 leaves a slight bias; a join code only has to be hard to guess in a lesson.
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

export function createRoom(size = DEFAULT_ROOM_SIZE, code = randomCode()): Room {
  if (!Number.isInteger(size) || size < 1 || size > MAX_ROOM_SIZE)
    throw new Error(`a room holds 1–${MAX_ROOM_SIZE} students, not ${size}`);
  return { code, teacherSecret: randomBytes(12).toString('base64url'), size, members: new Map() };
}

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The rooms one lab serves, and the checks on each connection's packets. */
export class ClassroomGate {
  private readonly rooms = new Map<string, Room>();

  constructor(rooms: readonly Room[]) {
    for (const r of rooms) this.rooms.set(r.code, r);
  }

  /** Admits a CONNECT, or names the CONNACK code (§3.2.2.3) that refuses it. */
  admit(c: MqttConnect): { member: Member } | { refuse: RefusalCode; reason: string } {
    const [code = '', key = ''] = new TextDecoder()
      .decode(c.password ?? new Uint8Array())
      .split(':');
    const room = this.rooms.get(code);
    const user = c.username ?? '';
    if (!room) return { refuse: 4, reason: 'wrong join code' };
    if (user === TEACHER_USER) {
      if (!sameSecret(key, room.teacherSecret))
        return { refuse: 5, reason: 'wrong teacher secret' };
      if (!c.clientId.startsWith(teacherClientIdPrefix(code)))
        return { refuse: 2, reason: 'a teacher client id must start with the room prefix' };
      if (c.will) return { refuse: 5, reason: 'the teacher has no will' };
      return { member: { role: 'teacher', code } };
    }
    if (nameProblem(user) !== null) return { refuse: 2, reason: `bad name "${user}"` };
    if (c.clientId !== studentClientId(code, user))
      return { refuse: 2, reason: 'the client id must be the room code and the name' };
    if (key.length < 16) return { refuse: 4, reason: 'missing member key' };
    const will = c.will;
    if (
      will &&
      (will.topic !== presenceTopic(code, user) ||
        new TextDecoder().decode(will.payload) !== 'offline')
    )
      return { refuse: 5, reason: 'a will may only say this student went offline' };
    const known = room.members.get(user.toLowerCase());
    if (known) {
      if (known.name !== user || !sameSecret(known.key, key))
        return { refuse: 2, reason: `name "${user}" is taken` };
    } else {
      if (room.members.size >= room.size) return { refuse: 3, reason: 'room is full' };
      room.members.set(user.toLowerCase(), { name: user, key });
    }
    return { member: { role: 'student', code, name: user } };
  }

  /** A SUBSCRIBE passes only if every filter is one this member needs. */
  subscribe(m: Member, s: MqttSubscribe): Verdict {
    const allowed = new Set([presenceFilter(m.code), stepTopic(m.code)]);
    if (m.role === 'student') allowed.add(inboxFilter(m.code, m.name));
    const bad = s.subscriptions.find((f) => !allowed.has(f.topic));
    return bad ? no(`may not subscribe to ${bad.topic}`) : OK;
  }

  /** A PUBLISH passes if it is this member's own presence, message or (teacher) the step. */
  publish(m: Member, p: MqttPublish): Verdict {
    if (p.qos === 2) return no('the classroom uses QoS 0 and 1');
    const t = parseRoomTopic(m.code, p.topic);
    if (!t) return no(`may not publish to ${p.topic}`);
    const text = new TextDecoder().decode(p.payload);
    switch (t.kind) {
      case 'step':
        return m.role === 'teacher' ? OK : no('only the teacher sets the step');
      case 'presence':
        if (m.role !== 'student' || t.name !== m.name) return no('presence is one’s own');
        return text === 'online' || text === 'offline' ? OK : no('presence is online or offline');
      case 'inbox':
        if (m.role !== 'student' || t.from !== m.name) return no('a message is sent as oneself');
        if (p.retain) return no('messages are not retained');
        return [...text].length <= MESSAGE_MAX_CHARS ? OK : no('message too long');
    }
  }
}
