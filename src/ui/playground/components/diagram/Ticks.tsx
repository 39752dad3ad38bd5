import type { ChatMessageView } from '../../../../bridge/playground-api';

/** The receipt a sender sees: 🕓 not yet accepted, ✓ sent, ✓✓ delivered, blue ✓✓ read. */
export function Ticks({ m }: { m: ChatMessageView }): React.JSX.Element | null {
  switch (m.status) {
    case 'queued':
      return <span className="pg-tick pg-queued" title="waiting to be sent" aria-label="waiting to be sent">🕓</span>;
    case 'sent':
      return <span className="pg-tick" title="sent: the server has it" aria-label="sent">✓</span>;
    case 'delivered':
      return <span className="pg-tick" title="delivered to the phone" aria-label="delivered">✓✓</span>;
    case 'read':
      return <span className="pg-tick pg-read" title="read" aria-label="read">✓✓</span>;
    default:
      return null;
  }
}
