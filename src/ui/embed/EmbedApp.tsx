import { useEffect, useRef } from 'react';
import { Diagram } from '../playground/components/diagram/Diagram';
import { StoreContext, useView } from '../playground/hooks/usePlayground';
import { useMediaQuery, useReducedMotion } from '../playground/hooks/useMediaQuery';
import type { PlaygroundStore } from '../playground/store/playground-store';
import type { EmbedParams } from './embed-params';
import { EmbedControls } from './EmbedControls';
import { Ticker } from './Ticker';
import { useAutoPause } from './useAutoPause';

export interface EmbedAppProps {
  readonly store: PlaygroundStore;
  readonly params: EmbedParams;
  /** The moment the embed opened at (Restart comes back here). */
  readonly startMs: number;
  /** The playground's URL for the same run at virtual time `nowMs`. */
  readonly openUrl: (nowMs: number) => string;
  /** Still opening the run (and seeking to a pinned moment): the frame shows, busy. */
  readonly opening?: boolean;
}

function Body({
  store,
  params,
  startMs,
  openUrl,
  opening = false,
}: EmbedAppProps): React.JSX.Element {
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const reducedMotion = useReducedMotion();
  const theme = params.theme === 'auto' ? (systemDark ? 'dark' : 'light') : params.theme;
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  const root = useRef<HTMLDivElement>(null);
  // Trace events this embed has received in all (the bench counts them to see pauses hold).
  const events = useView(() => store.log.items.length + store.log.dropped);
  useAutoPause(store, root, params.autoplay && !reducedMotion);
  const { name, now, hash } = useView(
    (s) => ({
      name: s.snapshot?.scenarioName ?? '',
      now: s.snapshot?.nowMs ?? 0,
      hash: s.snapshot && !s.snapshot.running ? s.snapshot.report.traceHash : '',
    }),
    (a, b) => a.name === b.name && a.now === b.now && a.hash === b.hash,
  );
  return (
    <div
      ref={root}
      className="em-app"
      aria-busy={opening}
      data-trace-hash={hash}
      data-events={events}
    >
      <main className="em-diagram pg-diagram" aria-label={name ? `Diagram: ${name}` : 'Diagram'}>
        <h1 className="em-sr-only">{name ? `DoubleTick: ${name}` : 'DoubleTick'}</h1>
        <Diagram theme={theme} compact />
      </main>
      {params.ticker ? <Ticker /> : null}
      <footer className="em-bar">
        {params.controls ? <EmbedControls startMs={startMs} /> : null}
        <a className="em-open" href={openUrl(now)} target="_blank" rel="noopener">
          Open in DoubleTick
        </a>
      </footer>
    </div>
  );
}

/** The chrome-less embed: the live diagram sized to its frame, a few controls, and a way out. */
export function EmbedApp(props: EmbedAppProps): React.JSX.Element {
  return (
    <StoreContext.Provider value={props.store}>
      <Body {...props} />
    </StoreContext.Provider>
  );
}
