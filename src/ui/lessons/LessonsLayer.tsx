/**
 * Lessons in the playground: the menu, the first-visit offer, and the pane with its session.
 * The page hands it the lesson list (each lesson loads on demand) and a grader.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LessonEntry, PredictionGrader, Source } from '../../bridge/lesson-api';
import type { PlaygroundStore } from '../playground/store/playground-store';
import { LessonSession } from './lesson-session';
import { LessonPane } from './LessonPane';
import { LessonsMenu, StartHereOffer } from './LessonsMenu';
import { markStartHereOffered, startHereOffered } from './progress';

export interface LessonsConfig {
  readonly catalog: readonly LessonEntry[];
  readonly sources: readonly Source[];
  readonly grade: PredictionGrader;
  /** From `?lesson=<id>&step=<n>` (n counts from 1). */
  readonly initial?: { readonly id: string; readonly step?: number };
}

export const START_HERE = 'start-here';

export function useLessons(config: LessonsConfig | undefined, store: PlaygroundStore) {
  const [session, setSession] = useState<LessonSession | undefined>();
  const current = useRef<LessonSession | undefined>(undefined);
  const openedInitial = useRef(false);
  const [presenter, setPresenter] = useState(false);
  const [offer, setOffer] = useState(false);

  const open = useCallback(
    (id: string, step?: number) => {
      const entry = config?.catalog.find((l) => l.id === id);
      if (!entry || !config) return;
      setOffer(false);
      void markStartHereOffered();
      current.current?.dispose();
      const s = new LessonSession(entry, store, config.grade);
      current.current = s;
      setSession(s);
      void s.open(step);
    },
    [config, store],
  );

  useEffect(() => {
    if (!config) return;
    const initial = config.initial;
    if (initial) {
      // Once per page, even when React runs effects twice (StrictMode in development).
      if (openedInitial.current) return;
      openedInitial.current = true;
      // After the first render, so the pane mounts into a page that is already there.
      void Promise.resolve().then(() =>
        open(initial.id, initial.step === undefined ? undefined : initial.step - 1),
      );
      return;
    }
    let live = true;
    void startHereOffered().then((offered) => live && !offered && setOffer(true));
    return () => {
      live = false;
    };
  }, [config, open]);

  const close = useCallback(() => {
    current.current?.dispose();
    current.current = undefined;
    setSession(undefined);
    setPresenter(false);
    const url = new URL(location.href);
    url.searchParams.delete('lesson');
    url.searchParams.delete('step');
    history.replaceState(history.state, '', url);
    document.querySelector<HTMLElement>('.ls-menu summary')?.focus();
  }, []);

  const menu = config && (
    <LessonsMenu catalog={config.catalog} current={session?.getState().entry.id} onOpen={open} />
  );
  const startHere = config?.catalog.find((l) => l.id === START_HERE);
  const offerView =
    offer && startHere && !session ? (
      <StartHereOffer
        entry={startHere}
        onStart={() => open(START_HERE, 0)}
        onDismiss={() => {
          setOffer(false);
          void markStartHereOffered();
          document.querySelector<HTMLElement>('.ls-menu summary')?.focus();
        }}
      />
    ) : null;
  const pane =
    session && config ? (
      <LessonPane
        key={session.getState().entry.id}
        session={session}
        sources={config.sources}
        presenter={presenter}
        onPresenter={setPresenter}
        onClose={close}
      />
    ) : null;
  return { menu, offerView, pane, presenter, active: session !== undefined };
}
