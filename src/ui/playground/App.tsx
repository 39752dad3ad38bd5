import { useState } from 'react';
import { TimeBar } from './components/controls/TimeBar';
import { ErrorBanner } from './components/ErrorBanner';
import { EmbedDialog, type EmbedSourceOf } from './components/export/EmbedDialog';
import { ExportMenu } from './components/export/ExportMenu';
import { ShareErrorView } from './components/run/ShareErrorView';
import { TabNotice } from './components/run/TabNotice';
import { StoreContext, useView } from './hooks/usePlayground';
import { useKeyboard } from './hooks/useKeyboard';
import { useTheme } from './hooks/useTheme';
import type { PlaygroundStore } from './store/playground-store';
import { useLessons, type LessonsConfig } from '../lessons/LessonsLayer';
import type { LabMode } from '../lab/lab-mode';
import { LabBanner } from '../lab/LabBanner';
import { LabSwitch } from '../lab/LabSwitch';
import { Panels, type SideTab } from './Panels';

export type { SideTab } from './Panels';

function Layout({
  store,
  lessons,
  embedSource,
  lab,
}: {
  store: PlaygroundStore;
  lessons: LessonsConfig | undefined;
  embedSource: EmbedSourceOf;
  lab: LabMode | undefined;
}): React.JSX.Element {
  const { theme, toggle } = useTheme();
  const l = useLessons(lessons, store);
  useKeyboard(store);
  const [tab, setTab] = useState<SideTab>('metrics');
  const selected = useView((s) => s.selectedMsg);
  const [lastSelected, setLastSelected] = useState(selected);
  if (selected !== lastSelected) {
    setLastSelected(selected);
    if (selected !== undefined) setTab('inspector');
  }
  // Tests and the embed's "Open in DoubleTick" check compare runs by this hash.
  const hash = useView((s) => (s.slow && !s.slow.running ? s.slow.report.traceHash : ''));
  return (
    <div
      className={`pg-app${l.active ? ' pg-with-lesson' : ''}${l.presenter ? ' pg-presenter' : ''}`}
      data-trace-hash={hash}
    >
      <header className="pg-header">
        <h1 className="pg-title">
          DoubleTick <span>playground</span>
        </h1>
        <TimeBar />
        {l.menu}
        <button type="button" className="pg-btn pg-ghost" onClick={toggle}>
          {theme === 'dark' ? 'Light theme' : 'Dark theme'}
        </button>
        <ExportMenu />
        <EmbedDialog sourceOf={embedSource} />
        {lab && <LabSwitch mode={lab} />}
      </header>
      <div className="pg-banners">
        {lab && <LabBanner mode={lab} />}
        <ErrorBanner />
        <TabNotice />
        {l.offerView}
      </div>
      {l.pane}
      <Panels lab={lab} tab={tab} setTab={setTab} theme={theme} />
    </div>
  );
}

const NO_EMBED: EmbedSourceOf = async () => 'This page cannot make embeds.';

/** The page, or the share error view when a shared link could not be opened. */
function Page({
  store,
  lessons,
  embedSource,
  lab,
}: {
  store: PlaygroundStore;
  lessons: LessonsConfig | undefined;
  embedSource: EmbedSourceOf;
  lab: LabMode | undefined;
}): React.JSX.Element {
  const shareError = useView((s) => s.shareError);
  return shareError !== undefined ? (
    <ShareErrorView message={shareError} />
  ) : (
    <Layout store={store} lessons={lessons} embedSource={embedSource} lab={lab} />
  );
}

/** The playground page. `embedSource` says what the Embed dialog can embed of the current run. */
export function App({
  store,
  lessons,
  embedSource = NO_EMBED,
  lab,
}: {
  store: PlaygroundStore;
  /** The lessons the page offers (absent: the bare playground). */
  lessons?: LessonsConfig;
  embedSource?: EmbedSourceOf;
  /** Lab mode, the "Real broker" switch (absent: the page offers none). */
  lab?: LabMode;
}): React.JSX.Element {
  return (
    <StoreContext.Provider value={store}>
      <Page store={store} lessons={lessons} embedSource={embedSource} lab={lab} />
    </StoreContext.Provider>
  );
}
