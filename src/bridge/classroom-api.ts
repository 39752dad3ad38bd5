/**
 * The classroom page's door between its UI and the MQTT client that joins the room (src/lab/
 * classroom): what the UI reads, and what it may ask. Types only.
 */

/** The lesson step the teacher has put up for the room. */
export interface RoomStep {
  /** A lesson id (content/lessons). */
  readonly lesson: string;
  /** From 1. */
  readonly step: number;
}

export interface ClassroomMember {
  readonly name: string;
  readonly online: boolean;
}

export interface ClassroomMessage {
  /** Unique on this page. */
  readonly id: number;
  readonly from: string;
  readonly to: string;
  /** Plain text as received: the UI shows it as text, never as HTML. */
  readonly text: string;
  /** `sending` until the broker's PUBACK; messages received are `received`. */
  readonly state: 'sending' | 'sent' | 'received';
}

/** Where the connection stands, with words the page shows as they are. */
export type ClassroomStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'connecting' }
  | { readonly kind: 'joined' }
  /** The room said no (wrong code, full, name taken): the page shows why; no retry. */
  | { readonly kind: 'refused'; readonly message: string }
  /** Nothing answered at the broker URL. */
  | { readonly kind: 'unreachable'; readonly message: string }
  /** It was joined and the connection dropped: the client is trying again. */
  | { readonly kind: 'lost'; readonly message: string };

export interface ClassroomSnapshot {
  readonly role: 'student' | 'teacher';
  readonly code: string;
  /** The WebSocket URL of the room's broker. */
  readonly brokerUrl: string;
  /** The student's name once they joined. */
  readonly me: string | null;
  readonly status: ClassroomStatus;
  /** Everyone who has joined the room, sorted by name (the teacher is not a member). */
  readonly members: readonly ClassroomMember[];
  /** Newest last, bounded. */
  readonly messages: readonly ClassroomMessage[];
  readonly step: RoomStep | null;
}

export interface ClassroomControl {
  snapshot(): ClassroomSnapshot;
  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Why a name cannot be used, or null. */
  nameProblem(name: string): string | null;
  /** The name this browser used last in this room, to offer again. */
  rememberedName(): string;
  /** Students: join the room under `name`. The teacher joins when the page opens. */
  join(name: string): void;
  send(to: string, text: string): void;
  /** Teacher: put up a lesson step for the room. */
  setStep(step: RoomStep): void;
  leave(): Promise<void>;
}
