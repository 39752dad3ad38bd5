import { NewRunForm } from './NewRunForm';
import { OpenScenario } from './OpenScenario';
import { RunIdentity } from './RunIdentity';
import { Section } from '../controls/Field';

/**
 * The run as a thing to keep and send: what it is (scenario, description, trace hash), its
 * export as a scenario file, a share link, a scenario file or example to open, and a fresh run.
 */
export function RunPanel(): React.JSX.Element {
  return (
    <Section title="Run" note="Same seed and same inputs give the same run, event for event.">
      <RunIdentity />
      <OpenScenario />
      <NewRunForm />
    </Section>
  );
}
