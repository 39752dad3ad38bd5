// Proves the classroom gate's rules on decoded packets: the join code, the teacher's secret, the
// room's size, names unique per member key, and that a student's SUBSCRIBE and PUBLISH stay in
// their own room (no other room, no $SYS, no wildcards, no speaking as someone else).
import { describe, expect, it } from 'vitest';
import type {
  MqttConnect,
  MqttPublish,
  MqttSubscribe,
} from '../../src/engine/protocols/mqtt/messages';
import {
  inboxFilter,
  inboxTopic,
  joinPassword,
  nameProblem,
  presenceFilter,
  presenceTopic,
  stepTopic,
  studentClientId,
  teacherClientIdPrefix,
} from '../../src/lab/classroom/room-protocol';
import { ClassroomGate, createRoom, type Member } from '../../src/lab/node/classroom-gate';

const enc = (s: string) => new TextEncoder().encode(s);
const KEY_A = 'a'.repeat(24);
const KEY_B = 'b'.repeat(24);

function connect(code: string, name: string, key: string, over: Partial<MqttConnect> = {}) {
  return {
    type: 'CONNECT',
    protocolName: 'MQTT',
    protocolLevel: 4,
    clientId: studentClientId(code, name),
    keepAlive: 30,
    cleanSession: false,
    username: name,
    password: enc(joinPassword(code, key)),
    ...over,
  } satisfies MqttConnect;
}

const sub = (...topics: string[]): MqttSubscribe => ({
  type: 'SUBSCRIBE',
  packetId: 1,
  subscriptions: topics.map((topic) => ({ topic, qos: 1 })),
});
const pub = (topic: string, text: string, retain = false): MqttPublish => ({
  type: 'PUBLISH',
  dup: false,
  qos: 1,
  retain,
  topic,
  packetId: 2,
  payload: enc(text),
});

function setUp(size = 40) {
  const room = createRoom(size, 'ABCDEF');
  const other = createRoom(size, 'XYZ234');
  return { room, other, gate: new ClassroomGate([room, other]) };
}

function admitted(gate: ClassroomGate, c: MqttConnect): Member {
  const r = gate.admit(c);
  if (!('member' in r)) throw new Error(`refused: ${r.reason}`);
  return r.member;
}

describe('classroom gate: CONNECT', () => {
  it('refuses a wrong join code with CONNACK 4', () => {
    const { gate } = setUp();
    expect(
      gate.admit(connect('ABCDEF', 'Ann', KEY_A, { password: enc('WRONG1:' + KEY_A) })),
    ).toMatchObject({ refuse: 4 });
    expect(gate.admit(connect('ABCDEF', 'Ann', KEY_A, { password: undefined }))).toMatchObject({
      refuse: 4,
    });
  });

  it('keeps a name for its first member key and refuses others with CONNACK 2', () => {
    const { gate } = setUp();
    expect(admitted(gate, connect('ABCDEF', 'Ann', KEY_A))).toEqual({
      role: 'student',
      code: 'ABCDEF',
      name: 'Ann',
    });
    expect(gate.admit(connect('ABCDEF', 'Ann', KEY_B))).toMatchObject({ refuse: 2 });
    expect(gate.admit(connect('ABCDEF', 'ann', KEY_B))).toMatchObject({ refuse: 2 });
    // The same student coming back (same key) is welcome.
    expect(admitted(gate, connect('ABCDEF', 'Ann', KEY_A))).toMatchObject({ name: 'Ann' });
  });

  it('refuses the member past the size with CONNACK 3, but not a returning one', () => {
    const { gate } = setUp(2);
    admitted(gate, connect('ABCDEF', 'Ann', KEY_A));
    admitted(gate, connect('ABCDEF', 'Ben', KEY_B));
    expect(gate.admit(connect('ABCDEF', 'Cy', KEY_A))).toMatchObject({ refuse: 3 });
    expect(admitted(gate, connect('ABCDEF', 'Ben', KEY_B))).toMatchObject({ name: 'Ben' });
  });

  it('refuses bad names, foreign client ids, and wills that say anything but offline', () => {
    const { gate } = setUp();
    expect(gate.admit(connect('ABCDEF', '<b>x</b>', KEY_A))).toMatchObject({ refuse: 2 });
    expect(gate.admit(connect('ABCDEF', 'teacher', KEY_A))).toMatchObject({ refuse: 5 });
    const stolen = connect('ABCDEF', 'Ann', KEY_A, { clientId: studentClientId('ABCDEF', 'Ben') });
    expect(gate.admit(stolen)).toMatchObject({ refuse: 2 });
    const will = {
      topic: presenceTopic('ABCDEF', 'Ben'),
      payload: enc('offline'),
      qos: 1 as const,
      retain: true,
    };
    expect(gate.admit(connect('ABCDEF', 'Ann', KEY_A, { will }))).toMatchObject({ refuse: 5 });
    const own = { ...will, topic: presenceTopic('ABCDEF', 'Ann') };
    expect(admitted(gate, connect('ABCDEF', 'Ann', KEY_A, { will: own }))).toMatchObject({
      name: 'Ann',
    });
  });

  it('admits the teacher with the secret only', () => {
    const { gate, room } = setUp();
    const teacher = (secret: string) =>
      connect('ABCDEF', 'teacher', secret, {
        username: 'teacher',
        clientId: `${teacherClientIdPrefix('ABCDEF')}x1`,
      });
    expect(gate.admit(teacher('nope'))).toMatchObject({ refuse: 5 });
    expect(admitted(gate, teacher(room.teacherSecret))).toEqual({
      role: 'teacher',
      code: 'ABCDEF',
    });
  });

  it('checks names the way the page does', () => {
    expect(nameProblem('Ann')).toBeNull();
    expect(nameProblem('')).toMatch(/name/);
    expect(nameProblem('a'.repeat(17))).toMatch(/16/);
    expect(nameProblem('Ann Lee')).toMatch(/no spaces/);
    expect(nameProblem('Teacher')).toMatch(/teacher/);
  });
});

describe('classroom gate: topics', () => {
  const student: Member = { role: 'student', code: 'ABCDEF', name: 'Ann' };
  const teacher: Member = { role: 'teacher', code: 'ABCDEF' };

  it('lets a student subscribe to the room, the step and their own inbox only', () => {
    const { gate } = setUp();
    const mine = [presenceFilter('ABCDEF'), stepTopic('ABCDEF'), inboxFilter('ABCDEF', 'Ann')];
    expect(gate.subscribe(student, sub(...mine))).toEqual({ ok: true });
    for (const bad of [
      '#',
      '$SYS/#',
      '$SYS/broker/clients/connected',
      'classroom/#',
      'classroom/ABCDEF/#',
      'classroom/ABCDEF/inbox/+/+',
      inboxFilter('ABCDEF', 'Ben'),
      presenceFilter('XYZ234'),
      stepTopic('XYZ234'),
    ])
      expect(gate.subscribe(student, sub(mine[0]!, bad)), bad).toMatchObject({ ok: false });
    expect(gate.subscribe(teacher, sub(inboxFilter('ABCDEF', 'Ann')))).toMatchObject({ ok: false });
  });

  it('lets a student publish their own presence and messages as themself', () => {
    const { gate } = setUp();
    expect(gate.publish(student, pub(presenceTopic('ABCDEF', 'Ann'), 'online', true))).toEqual({
      ok: true,
    });
    expect(gate.publish(student, pub(inboxTopic('ABCDEF', 'Ben', 'Ann'), 'hi'))).toEqual({
      ok: true,
    });
    const refused = [
      pub(inboxTopic('ABCDEF', 'Ben', 'Cy'), 'hi as Cy'),
      pub(inboxTopic('ABCDEF', 'Ben', 'Ann'), 'kept', true),
      pub(inboxTopic('ABCDEF', 'Ben', 'Ann'), 'x'.repeat(501)),
      pub(inboxTopic('XYZ234', 'Ben', 'Ann'), 'to another room'),
      pub(presenceTopic('ABCDEF', 'Ben'), 'offline', true),
      pub(presenceTopic('ABCDEF', 'Ann'), '<img src=x>', true),
      pub(stepTopic('ABCDEF'), '{"lesson":"start-here","step":2}', true),
      pub('$SYS/broker/uptime', '0'),
      { ...pub(inboxTopic('ABCDEF', 'Ben', 'Ann'), 'qos 2'), qos: 2 as const },
    ];
    for (const p of refused) expect(gate.publish(student, p), p.topic).toMatchObject({ ok: false });
  });

  it('lets the teacher set the step and nothing else', () => {
    const { gate } = setUp();
    expect(gate.publish(teacher, pub(stepTopic('ABCDEF'), '{}', true))).toEqual({ ok: true });
    expect(gate.publish(teacher, pub(stepTopic('XYZ234'), '{}', true))).toMatchObject({
      ok: false,
    });
    expect(gate.publish(teacher, pub(inboxTopic('ABCDEF', 'Ann', 'Ben'), 'hi'))).toMatchObject({
      ok: false,
    });
  });
});
