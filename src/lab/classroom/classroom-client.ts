/**
 * One browser in a classroom: an MQTT.js client (plain MQTT 3.1.1 over WebSocket) that joins the
 * room as a named student or as the teacher, and keeps the snapshot the page renders. Presence is
 * retained messages plus a will, so any broker keeps the member list; a message is one QoS 1
 * PUBLISH to the recipient's inbox, delivered later if they are offline (clean: false).
 */
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type {
  ClassroomControl,
  ClassroomMessage,
  ClassroomSnapshot,
  ClassroomStatus,
  RoomStep,
} from '../../bridge/classroom-api';
import { unreachableMessage } from './broker-url';
import { forgetfulStorage, memberKey, type KeyStorage } from './member-key';
import {
  decodeChat,
  encodeChat,
  MESSAGE_MAX_CHARS,
  REFUSALS,
  TEACHER_USER,
  inboxFilter,
  inboxTopic,
  joinPassword,
  nameProblem,
  parseRoomStep,
  parseRoomTopic,
  presenceFilter,
  presenceTopic,
  stepTopic,
  studentClientId,
  teacherClientIdPrefix,
} from './room-protocol';

/** Messages kept on the page; older ones scroll away. */
const MESSAGES_KEPT = 200;
/** Message ids remembered per page to drop redeliveries. */
const SEEN_KEPT = 1000;
const RECONNECT_MS = 2000;
const KEEP_ALIVE_SEC = 20;

export interface ClassroomClientOptions {
  readonly code: string;
  readonly brokerUrl: string;
  /** The teacher's secret from the lab; absent for a student. */
  readonly teacherSecret?: string;
  readonly storage?: KeyStorage;
  /** Replaced in tests. */
  readonly connect?: (url: string, opts: IClientOptions) => MqttClient;
}

const decoder = new TextDecoder();

export function createClassroomClient(opts: ClassroomClientOptions): ClassroomControl {
  const role = opts.teacherSecret === undefined ? 'student' : 'teacher';
  const storage = opts.storage ?? forgetfulStorage();
  const connect = opts.connect ?? mqtt.connect;
  const listeners = new Set<() => void>();
  const presence = new Map<string, boolean>();
  let messages: ClassroomMessage[] = [];
  let nextId = 1;
  let client: MqttClient | null = null;
  let everJoined = false;
  let snap: ClassroomSnapshot = {
    role,
    code: opts.code,
    brokerUrl: opts.brokerUrl,
    me: null,
    status: { kind: 'idle' },
    members: [],
    messages: [],
    step: null,
  };

  const update = (change: Partial<ClassroomSnapshot>): void => {
    snap = { ...snap, ...change };
    for (const l of listeners) l();
  };
  const setStatus = (status: ClassroomStatus): void => update({ status });
  const membersNow = () =>
    [...presence]
      .map(([name, online]) => ({ name, online }))
      .sort((a, b) => a.name.localeCompare(b.name));
  /** Messages already shown, by sender and id (a bounded memory: redeliveries come soon after). */
  const seen = new Set<string>();
  /** This page's tag in its messages' ids, so two tabs of one student never reuse an id. */
  const sender = Math.random().toString(36).slice(2, 10);
  const addMessage = (m: Omit<ClassroomMessage, 'id'>): number => {
    const id = nextId++;
    messages = [...messages, { ...m, id }].slice(-MESSAGES_KEPT);
    update({ messages });
    return id;
  };

  const onMessage = (topic: string, payload: Uint8Array): void => {
    const t = parseRoomTopic(opts.code, topic);
    const text = decoder.decode(payload);
    if (!t) return;
    if (t.kind === 'presence') {
      if (text !== 'online' && text !== 'offline') return;
      presence.set(t.name, text === 'online');
      update({ members: membersNow() });
    } else if (t.kind === 'step') {
      update({ step: parseRoomStep(text) });
    } else if (t.to === snap.me) {
      const chat = decodeChat(text);
      if (chat.id !== undefined) {
        // A redelivery (QoS 1 after a reconnect) carries an id already shown: shown once.
        const key = `${t.from}/${chat.id}`;
        if (seen.has(key)) return;
        seen.add(key);
        if (seen.size > SEEN_KEPT) seen.delete(seen.values().next().value!);
      }
      addMessage({
        from: t.from,
        to: t.to,
        text: chat.text.slice(0, MESSAGE_MAX_CHARS),
        state: 'received',
      });
    }
  };

  function start(user: string, password: string, clientId: string, clean: boolean): void {
    const me = role === 'student' ? user : null;
    const c = connect(opts.brokerUrl, {
      protocolVersion: 4,
      clientId,
      username: user,
      password,
      clean,
      keepalive: KEEP_ALIVE_SEC,
      reconnectPeriod: RECONNECT_MS,
      connectTimeout: 8000,
      will: me
        ? { topic: presenceTopic(opts.code, me), payload: 'offline', qos: 1, retain: true }
        : undefined,
    });
    client = c;
    update({ me, status: { kind: 'connecting' } });
    c.on('connect', () => {
      everJoined = true;
      setStatus({ kind: 'joined' });
      const filters = [presenceFilter(opts.code), stepTopic(opts.code)];
      if (me) filters.push(inboxFilter(opts.code, me));
      c.subscribe(filters, { qos: 1 });
      if (me) c.publish(presenceTopic(opts.code, me), 'online', { qos: 1, retain: true });
    });
    c.on('message', (topic, payload) => onMessage(topic, payload));
    c.on('error', (e: Error & { code?: unknown }) => {
      const refusal = REFUSALS[e.code as keyof typeof REFUSALS] as string | undefined;
      if (refusal === undefined) return;
      c.end(true);
      client = null;
      update({ me: null, status: { kind: 'refused', message: refusal } });
    });
    c.on('close', () => {
      if (client !== c || snap.status.kind === 'refused') return;
      setStatus(
        everJoined
          ? {
              kind: 'lost',
              message:
                'The connection to the room dropped (the broker closed it or the network went away). Trying again…',
            }
          : {
              kind: 'unreachable',
              message: `${unreachableMessage(opts.brokerUrl)} (trying again every ${RECONNECT_MS / 1000} s)`,
            },
      );
    });
  }

  if (role === 'teacher') {
    const tail = Math.random().toString(36).slice(2, 8);
    start(
      TEACHER_USER,
      joinPassword(opts.code, opts.teacherSecret!),
      `${teacherClientIdPrefix(opts.code)}${tail}`,
      true,
    );
  }

  return {
    snapshot: () => snap,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    nameProblem,
    rememberedName: () => storage.get(`doubletick.classroom.${opts.code}.name`) ?? '',
    join(name) {
      if (role !== 'student' || client || nameProblem(name) !== null) return;
      storage.set(`doubletick.classroom.${opts.code}.name`, name);
      const key = memberKey(storage, opts.code, name);
      start(name, joinPassword(opts.code, key), studentClientId(opts.code, name), false);
    },
    send(to, text) {
      const me = snap.me;
      const c = client;
      const body = text.trim().slice(0, MESSAGE_MAX_CHARS);
      if (!c || !me || body === '' || nameProblem(to) !== null) return;
      const id = addMessage({ from: me, to, text: body, state: 'sending' });
      const wireId = `${sender}-${id}`;
      c.publish(inboxTopic(opts.code, to, me), encodeChat(wireId, body), { qos: 1 }, (err) => {
        if (err) return;
        messages = messages.map((m) => (m.id === id ? { ...m, state: 'sent' } : m));
        update({ messages });
      });
    },
    setStep(step: RoomStep) {
      if (role !== 'teacher' || !client) return;
      client.publish(stepTopic(opts.code), JSON.stringify(step), { qos: 1, retain: true });
    },
    async leave() {
      const c = client;
      client = null;
      if (!c) return;
      if (snap.me && c.connected)
        await c.publishAsync(presenceTopic(opts.code, snap.me), 'offline', {
          qos: 1,
          retain: true,
        });
      await c.endAsync();
      update({ status: { kind: 'idle' } });
    },
  };
}
