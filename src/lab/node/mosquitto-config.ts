/**
 * The lab broker's config for one run: the repository's lab/mosquitto.conf with only its
 * listener's port and its persistence directory rewritten. Pure, so a test can check that
 * nothing else changes.
 */

export interface RunConfig {
  readonly port: number;
  readonly dataDir: string;
}

const LISTENER = /^listener\s+\d+\s+127\.0\.0\.1\s*$/m;
const PERSISTENCE_LOCATION = /^persistence_location\s+.*$/m;

/** The config text for this run, or an error naming the line the template lacks. */
export function renderMosquittoConfig(template: string, run: RunConfig): string {
  if (!LISTENER.test(template))
    throw new Error('lab/mosquitto.conf needs one line "listener <port> 127.0.0.1"');
  if (!PERSISTENCE_LOCATION.test(template))
    throw new Error('lab/mosquitto.conf needs a "persistence_location" line');
  // Mosquitto wants the trailing slash: it appends the file name to the directory as written.
  const dir = run.dataDir.endsWith('/') ? run.dataDir : `${run.dataDir}/`;
  return template
    .replace(LISTENER, `listener ${run.port} 127.0.0.1`)
    .replace(PERSISTENCE_LOCATION, `persistence_location ${dir}`);
}
