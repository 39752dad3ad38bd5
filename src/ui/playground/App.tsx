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
import { Scrubber } from './components/log/Scrubber';
import { MetricsPanel } from './components/metrics/MetricsPanel';
import { Tabs } from './components/Tabs';
import { StoreContext, useView } from './hooks/usePlayground';
import { useKeyboard } from './hooks/useKeyboard';
import { useTheme } from './hooks/useTheme';
import type { PlaygroundStore } from './store/playground-store';

export type SideTab = 'metrics' | 'inspector' | 'compare';

function Layout({
  store,
  embedSource,
}: {
  store: PlaygroundStore;
  embedSource: EmbedSourceOf;
}): React.JSX.Element {
  const { theme, toggle } = useTheme();
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
    <div className="pg-app" data-trace-hash={hash}>
      <header className="pg-header">
        <h1 className="pg-title">
          DoubleTick <span>playground</span>
        </h1>
        <TimeBar />
        <button type="button" className="pg-btn pg-ghost" onClick={toggle}>
          {theme === 'dark' ? 'Light theme' : 'Dark theme'}
        </button>
        <ExportMenu />
        <EmbedDialog sourceOf={embedSource} />
      </header>
      <ErrorBanner />
      <aside className="pg-controls" aria-label="Controls">
        <ControlsPanel />
      </aside>
      <main className="pg-diagram" aria-label="Diagram">
        <Diagram theme={theme} />
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

/** The playground page. `embedSource` says what the Embed dialog can embed of the current run. */
export function App({
  store,
  embedSource = NO_EMBED,
}: {
  store: PlaygroundStore;
  embedSource?: EmbedSourceOf;
}): React.JSX.Element {
  return (
    <StoreContext.Provider value={store}>
      <Layout store={store} embedSource={embedSource} />
    </StoreContext.Provider>
  );
}
