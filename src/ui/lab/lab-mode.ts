/**
 * Whether the page shows the simulation or a real broker, and the way between them: the address
 * is checked before anything connects; the lab's code loads only when a checked address is used;
 * a broker that cannot be used turns lab mode off again with what is wrong, in words, so the
 * simulated playground is never lost.
 */
import type { LabHost, LabSnapshot, LabStart } from '../../bridge/lab-api';
import { checkLabUrl, LAB_START_COMMAND } from '../../bridge/lab-url';

/** What the page needs to offer lab mode (src/app provides it). */
export interface LabConfig {
  /** `?lab=` as given, unchecked. */
  readonly initialUrl?: string;
  /** The run's id (client ids and topics come from it). */
  runId(): string;
  /** Starts the lab worker; its code is loaded on demand. */
  open(start: LabStart): Promise<LabHost>;
}

export type LabPhase = 'off' | 'asking' | 'checking' | 'running';

export interface LabModeState {
  readonly phase: LabPhase;
  /** The address in the form (as typed). */
  readonly draft: string;
  /** Why the last attempt did not start lab mode, with what to do. */
  readonly error?: string;
  readonly host?: LabHost;
}

export const HOW_TO_START_HINT = `Start a broker with \`${LAB_START_COMMAND}\`: it prints the WebSocket address to use.`;

export class LabMode {
  private state: LabModeState;
  private readonly listeners = new Set<() => void>();
  private unwatch: (() => void) | undefined;

  constructor(
    private readonly config: LabConfig,
    private readonly users: () => readonly string[],
    private readonly pageProtocol: string,
  ) {
    this.state = { phase: 'off', draft: config.initialUrl ?? '' };
  }

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  getState = (): LabModeState => this.state;

  private set(next: Partial<LabModeState>): void {
    this.state = { ...this.state, ...next };
    for (const l of this.listeners) l();
  }

  /** The switch: on asks for an address (or uses the one given); off ends the lab. */
  toggle = (): void => {
    if (this.state.phase === 'off') this.set({ phase: 'asking', error: undefined });
    else this.off();
  };

  setDraft = (draft: string): void => this.set({ draft });

  /** Checks the address and, when it passes, starts the lab worker on it. */
  connect = async (raw: string = this.state.draft): Promise<void> => {
    const checked = checkLabUrl(raw, this.pageProtocol);
    if (!checked.ok) {
      this.set({ phase: 'off', draft: raw, error: `${checked.error} ${HOW_TO_START_HINT}` });
      return;
    }
    this.set({ phase: 'checking', draft: checked.url, error: undefined });
    let host: LabHost;
    try {
      host = await this.config.open({
        url: checked.url,
        runId: this.config.runId(),
        users: this.users(),
      });
    } catch (e) {
      this.set({ phase: 'off', error: `Lab mode could not load: ${(e as Error).message}` });
      return;
    }
    this.unwatch?.();
    this.unwatch = host.subscribe(() => this.watch(host.getSnapshot()));
    this.set({ host });
  };

  private watch(s: LabSnapshot): void {
    if (s.status === 'failed') {
      this.stopHost();
      this.set({ phase: 'off', error: s.problem ?? 'The broker cannot be used.' });
    } else if (s.status === 'running' && this.state.phase === 'checking')
      this.set({ phase: 'running' });
  }

  private stopHost(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    this.state.host?.close();
    this.state = { ...this.state, host: undefined };
  }

  off = (): void => {
    this.stopHost();
    this.set({ phase: 'off', error: undefined });
  };

  dismissError = (): void => this.set({ error: undefined });
}
