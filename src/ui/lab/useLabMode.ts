import { useSyncExternalStore } from 'react';
import type { LabHost, LabSnapshot } from '../../bridge/lab-api';
import type { LabMode, LabModeState } from './lab-mode';

export const useLabMode = (mode: LabMode): LabModeState =>
  useSyncExternalStore(mode.subscribe, mode.getState);

/** The lab worker's newest snapshot. */
export const useLabSnapshot = (host: LabHost): LabSnapshot =>
  useSyncExternalStore(host.subscribe, host.getSnapshot);
