import { useState } from 'react';
import { ComparePanel } from './components/compare/ComparePanel';
import { ControlsPanel } from './components/controls/ControlsPanel';
import { TimeBar } from './components/controls/TimeBar';
import { Diagram } from './components/diagram/Diagram';
import { ErrorBanner } from './components/ErrorBanner';
import { EmbedDialog, type EmbedSourceOf } from './components/export/EmbedDialog';
import { ExportMenu } from './components/export/ExportMenu';
import { Inspector } from './components/inspector/Inspector';
import { EventLog } from './components/log/EventLog';
import { PendingInputs } from './components/time-travel/PendingInputs';
import { Scrubber } from './components/time-travel/Scrubber';
import { MetricsPanel } from './components/metrics/MetricsPanel';
import { Tabs } from './components/Tabs';
import { ShareErrorView } from './components/run/ShareErrorView';
import { TabNotice } from './components/run/TabNotice';
import { StoreContext, useView } from './hooks/usePlayground';
import { useKeyboard } from './hooks/useKeyboard';
import { useTheme } from './hooks/useTheme';
import type { PlaygroundStore } from './store/playground-store';
import { useLessons, type LessonsConfig } from '../lessons/LessonsLayer';

export type SideTab = 'metrics' | 'inspector' | 'compare';

function Layout({
  store,
  lessons,
  embedSource,
}: {
  store: PlaygroundStore;
  lessons: LessonsConfig | undefined;
  embedSource: EmbedSourceOf;
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
      </header>
      <div className="pg-banners">
        <ErrorBanner />
        <TabNotice />
        {l.offerView}
      </div>
      {l.pane}
      <aside className="pg-controls" aria-label="Controls">
        <ControlsPanel />
      </aside>
      <main className="pg-diagram" aria-label="Diagram">
        <Diagram theme={theme} />
        <PendingInputs />
      </main>
      <aside className="pg-side" aria-label="Details">
        <Tabs
          label="Details"
          value={tab}
          onChange={setTab}
          tabs={[
            { id: 'metrics', label: 'Metrics', render: () => <MetricsPanel /> },
            { id: 'inspector', label: 'Inspector', render: () => <Inspector /> },
            { id: 'compare', label: 'Compare', render: () => <ComparePanel /> },
          ]}
        />
      </aside>
      <section className="pg-log" aria-label="Event log">
        <Scrubber />
        <EventLog />
      </section>
    </div>
  );
}

const NO_EMBED: EmbedSourceOf = async () => 'This page cannot make embeds.';

/** The page, or the share error view when a shared link could not be opened. */
function Page({
  store,
  lessons,
  embedSource,
}: {
  store: PlaygroundStore;
  lessons: LessonsConfig | undefined;
  embedSource: EmbedSourceOf;
}): React.JSX.Element {
  const shareError = useView((s) => s.shareError);
  return shareError !== undefined ? (
    <ShareErrorView message={shareError} />
  ) : (
    <Layout store={store} lessons={lessons} embedSource={embedSource} />
  );
}

/** The playground page. `embedSource` says what the Embed dialog can embed of the current run. */
export function App({
  store,
  lessons,
  embedSource = NO_EMBED,
}: {
  store: PlaygroundStore;
  /** The lessons the page offers (absent: the bare playground). */
  lessons?: LessonsConfig;
  embedSource?: EmbedSourceOf;
}): React.JSX.Element {
  return (
    <StoreContext.Provider value={store}>
      <Page store={store} lessons={lessons} embedSource={embedSource} />
    </StoreContext.Provider>
  );
}
