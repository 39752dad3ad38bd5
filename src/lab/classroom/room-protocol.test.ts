// Proves the classroom's link and topic rules as the page applies them: broker URLs (ws:/wss: only,
// no credentials), join codes, topic parsing (only the room's own shapes), the step payload, and
// chat payloads (an id to show a redelivery once, the text as text).
import { describe, expect, it } from 'vitest';
import { checkBrokerUrl, sameServerBroker, unreachableMessage } from './broker-url';
import { forgetfulStorage, memberKey } from './member-key';
import { decodeChat, encodeChat, isJoinCode, parseRoomStep, parseRoomTopic } from './room-protocol';

describe('broker URL', () => {
  it('takes ws: and wss: without credentials, and says why otherwise', () => {
    expect(checkBrokerUrl('ws://10.0.0.5:8080/mqtt')).toEqual({
      ok: true,
      url: 'ws://10.0.0.5:8080/mqtt',
    });
    expect(checkBrokerUrl('wss://lab.example/mqtt').ok).toBe(true);
    expect(checkBrokerUrl('http://lab.example/')).toMatchObject({ message: /ws:\/\/ or wss:\/\// });
    expect(checkBrokerUrl('mqtt://lab.example')).toMatchObject({ message: /not mqtt:/ });
    expect(checkBrokerUrl('ws://ann:pw@lab.example/')).toMatchObject({ message: /password/ });
    expect(checkBrokerUrl('ws://ann@lab.example/')).toMatchObject({ message: /user name/ });
    expect(checkBrokerUrl('lab.example:8080')).toMatchObject({ ok: false });
    expect(checkBrokerUrl('javascript:alert(1)')).toMatchObject({ ok: false });
  });

  it('defaults to the server that served the page, and names the command when none answers', () => {
    expect(sameServerBroker({ protocol: 'http:', host: '10.0.0.5:8080' })).toBe(
      'ws://10.0.0.5:8080/mqtt',
    );
    expect(sameServerBroker({ protocol: 'https:', host: 'lab.example' })).toBe(
      'wss://lab.example/mqtt',
    );
    expect(unreachableMessage('ws://x/mqtt')).toMatch(/ws:\/\/x\/mqtt.*npm run lab -- --classroom/);
  });
});

describe('room topics', () => {
  it('reads only the room’s own topic shapes', () => {
    expect(isJoinCode('ABC234')).toBe(true);
    expect(isJoinCode('ABC23O')).toBe(false); // no O: it reads as 0
    expect(parseRoomTopic('ABC234', 'classroom/ABC234/step')).toEqual({ kind: 'step' });
    expect(parseRoomTopic('ABC234', 'classroom/ABC234/presence/Ann')).toEqual({
      kind: 'presence',
      name: 'Ann',
    });
    expect(parseRoomTopic('ABC234', 'classroom/ABC234/inbox/Ben/Ann')).toEqual({
      kind: 'inbox',
      to: 'Ben',
      from: 'Ann',
    });
    for (const t of [
      'classroom/XYZ234/step',
      'classroom/ABC234/presence/+',
      'classroom/ABC234/inbox/Ben/#',
      'classroom/ABC234/inbox/Ben',
      'classroom/ABC234/step/extra',
      'classroom/ABC234/presence/a b',
      '$SYS/broker/uptime',
    ])
      expect(parseRoomTopic('ABC234', t), t).toBeNull();
  });

  it('accepts a step only as a lesson id and a step number', () => {
    expect(parseRoomStep('{"lesson":"start-here","step":2}')).toEqual({
      lesson: 'start-here',
      step: 2,
    });
    for (const bad of ['', 'null', '{"lesson":"<b>","step":1}', '{"lesson":"a","step":0}', '[1]'])
      expect(parseRoomStep(bad), bad).toBeNull();
  });

  it('keeps one member key per room and name', () => {
    const s = forgetfulStorage();
    const k = memberKey(s, 'ABC234', 'Ann');
    expect(k).toMatch(/^[0-9a-f]{36}$/);
    expect(memberKey(s, 'ABC234', 'ann')).toBe(k);
    expect(memberKey(s, 'ABC234', 'Ben')).not.toBe(k);
  });
});

describe('chat payloads', () => {
  it('carry an id and the text as text, and read another client’s payload as plain text', () => {
    const wire = encodeChat('k3x-7', '<img src=x onerror="alert(1)"> hi');
    expect(decodeChat(wire)).toEqual({ id: 'k3x-7', text: '<img src=x onerror="alert(1)"> hi' });
    expect(decodeChat('just text from mosquitto_pub')).toEqual({
      text: 'just text from mosquitto_pub',
    });
    expect(decodeChat('{"text": 5}')).toEqual({ text: '{"text": 5}' });
    expect(decodeChat('{"id": "a", "text": "b", "extra": 1}')).toEqual({ id: 'a', text: 'b' });
  });
});
