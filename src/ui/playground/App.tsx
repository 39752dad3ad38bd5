import { useState } from 'react';
import { ComparePanel } from './components/compare/ComparePanel';
import { ControlsPanel } from './components/controls/ControlsPanel';
import { TimeBar } from './components/controls/TimeBar';
import { Diagram } from './components/diagram/Diagram';
import { ErrorBanner } from './components/ErrorBanner';
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
}: {
  store: PlaygroundStore;
  lessons: LessonsConfig | undefined;
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
  return (
    <div
      className={`pg-app${l.active ? ' pg-with-lesson' : ''}${l.presenter ? ' pg-presenter' : ''}`}
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

/** The page, or the share error view when a shared link could not be opened. */
function Page({
  store,
  lessons,
}: {
  store: PlaygroundStore;
  lessons: LessonsConfig | undefined;
}): React.JSX.Element {
  const shareError = useView((s) => s.shareError);
  return shareError !== undefined ? (
    <ShareErrorView message={shareError} />
  ) : (
    <Layout store={store} lessons={lessons} />
  );
}

/** The playground page. */
export function App({
  store,
  lessons,
}: {
  store: PlaygroundStore;
  /** The lessons the page offers (absent: the bare playground). */
  lessons?: LessonsConfig;
}): React.JSX.Element {
  return (
    <StoreContext.Provider value={store}>
      <Page store={store} lessons={lessons} />
    </StoreContext.Provider>
  );
}
