/**
 * The classroom page: a student joins under a name and becomes one phone in the room (diagram,
 * members, messages, the lesson step); the teacher sees who is there and sets the step.
 */
import { useState } from 'react';
import type { ClassroomControl } from '../../bridge/classroom-api';
import type { LessonEntry } from '../../bridge/lesson-api';
import { JoinForm } from './JoinForm';
import { MemberList } from './MemberList';
import { MessagesPanel } from './MessagesPanel';
import { RoomDiagram } from './RoomDiagram';
import { StatusBanner } from './StatusBanner';
import { StepPane } from './StepPane';
import { TeacherPanel } from './TeacherPanel';
import { useClassroom } from './useClassroom';

export function ClassroomApp({
  control,
  lessons,
  joinUrl,
}: {
  control: ClassroomControl;
  lessons: readonly LessonEntry[];
  /** The link students open (the teacher's QR code). */
  joinUrl: string;
}): React.JSX.Element {
  const s = useClassroom(control);
  const [to, setTo] = useState('');
  const teacher = s.role === 'teacher';
  // The room shows once the broker has said yes; until then (connecting, nothing answering, a
  // refusal) the page shows only where things stand, and a student the form.
  const inRoom = s.status.kind === 'joined' || s.status.kind === 'lost';
  return (
    <div className="cr-app">
      <header className="cr-header">
        <h1>DoubleTick classroom</h1>
        <p>
          Room {s.code}
          {inRoom && (s.me ? ` · you are ${s.me}` : ' · teacher')}
          {s.status.kind === 'joined' ? ' · connected' : ''}
        </p>
      </header>
      <StatusBanner status={s.status} />
      {!inRoom ? (
        <main>{!teacher && s.me === null && <JoinForm control={control} />}</main>
      ) : (
        <main className={teacher ? 'cr-main cr-main-teacher' : 'cr-main'}>
          <section className="cr-room" aria-labelledby="cr-room-title">
            <h2 id="cr-room-title">The room</h2>
            <RoomDiagram members={s.members} me={s.me} latest={s.messages.at(-1)} />
            <MemberList members={s.members} me={s.me} onMessage={teacher ? undefined : setTo} />
          </section>
          {teacher ? (
            <TeacherPanel
              control={control}
              code={s.code}
              joinUrl={joinUrl}
              step={s.step}
              lessons={lessons}
            />
          ) : (
            <>
              <MessagesPanel
                me={s.me!}
                members={s.members}
                messages={s.messages}
                to={to}
                setTo={setTo}
                send={control.send}
              />
              <StepPane step={s.step} lessons={lessons} />
            </>
          )}
        </main>
      )}
    </div>
  );
}
