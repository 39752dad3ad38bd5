import type { ChatMessageView } from '../../../../bridge/playground-api';

/**
 * The receipt a sender sees (an image with a name, role img, so its label is what a screen reader
 * says, not the tick characters): a clock while not yet accepted, ✓ sent, ✓✓ delivered, blue ✓✓ read.
 */
export function Ticks({ m }: { m: ChatMessageView }): React.JSX.Element | null {
  switch (m.status) {
    case 'queued':
      return (
        <span
          className="pg-tick pg-queued"
          role="img"
          title="waiting to be sent"
          aria-label="waiting to be sent"
        >
          <svg viewBox="0 0 12 12" width="11" height="11" aria-hidden="true">
            <circle cx="6" cy="6" r="5" fill="none" stroke="currentColor" strokeWidth="1.3" />
            <path
              d="M6 3v3l2 1.5"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.3"
              strokeLinecap="round"
            />
          </svg>
        </span>
      );
    case 'sent':
      return (
        <span className="pg-tick" role="img" title="sent: the server has it" aria-label="sent">
          ✓
        </span>
      );
    case 'delivered':
      return (
        <span className="pg-tick" role="img" title="delivered to the phone" aria-label="delivered">
          ✓✓
        </span>
      );
    case 'read':
      return (
        <span className="pg-tick pg-read" role="img" title="read" aria-label="read">
          ✓✓
        </span>
      );
    default:
      return null;
  }
}
