import { useSyncExternalStore } from 'react';
import type { ClassroomControl, ClassroomSnapshot } from '../../bridge/classroom-api';

/** The room as the client sees it, re-rendered on every change. */
export function useClassroom(control: ClassroomControl): ClassroomSnapshot {
  return useSyncExternalStore(control.subscribe, control.snapshot);
}
