/**
 * The classroom page's entry (classroom.html?code=…[&teacher=…][&broker=ws://…]): checks the link,
 * starts the room's MQTT client and mounts the classroom UI. Its own entry, so MQTT.js and the QR
 * code never load with the playground or the embed.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { lessons } from 'virtual:lessons';
import { ClassroomApp } from '../ui/classroom/ClassroomApp';
import { LinkProblem } from '../ui/classroom/LinkProblem';
import { checkBrokerUrl, sameServerBroker } from '../lab/classroom/broker-url';
import { createClassroomClient } from '../lab/classroom/classroom-client';
import { browserStorage } from '../lab/classroom/member-key';
import { isJoinCode } from '../lab/classroom/room-protocol';
import '../ui/classroom/classroom.css';

type Link =
  | {
      ok: true;
      code: string;
      brokerUrl: string;
      askedBroker: string | null;
      teacherSecret?: string;
    }
  | { ok: false; message: string };

function readLink(params: URLSearchParams): Link {
  const code = (params.get('code') ?? '').trim().toUpperCase();
  if (!isJoinCode(code))
    return {
      ok: false,
      message: code
        ? `"${code}" is not a room code: a code is 6 letters and digits, as the teacher's screen shows.`
        : 'This link has no room code: open the link (or scan the QR code) the teacher shows.',
    };
  const asked = params.get('broker');
  const broker =
    asked === null ? { ok: true as const, url: sameServerBroker(location) } : checkBrokerUrl(asked);
  if (!broker.ok) return { ok: false, message: broker.message };
  const teacher = params.get('teacher');
  return {
    ok: true,
    code,
    brokerUrl: broker.url,
    askedBroker: asked,
    teacherSecret: teacher ?? undefined,
  };
}

const link = readLink(new URLSearchParams(location.search));
const root = createRoot(document.getElementById('root')!);
if (!link.ok) {
  root.render(<LinkProblem message={link.message} />);
} else {
  const control = createClassroomClient({
    code: link.code,
    brokerUrl: link.brokerUrl,
    teacherSecret: link.teacherSecret,
    storage: browserStorage(),
  });
  const join = new URL(location.href);
  const joinParams = new URLSearchParams({ code: link.code });
  if (link.askedBroker !== null) joinParams.set('broker', link.brokerUrl);
  join.search = joinParams.toString();
  join.hash = '';
  addEventListener('pagehide', () => void control.leave());
  root.render(
    <StrictMode>
      <ClassroomApp control={control} lessons={lessons} joinUrl={join.href} />
    </StrictMode>,
  );
}
