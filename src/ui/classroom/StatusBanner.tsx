/** Where the connection stands: problems as an alert the page reads out, progress as a status. */
import type { ClassroomStatus } from '../../bridge/classroom-api';

export function StatusBanner({ status }: { status: ClassroomStatus }): React.JSX.Element | null {
  switch (status.kind) {
    case 'idle':
    case 'joined':
      return null;
    case 'connecting':
      return (
        <p className="cr-banner" role="status">
          Connecting to the room…
        </p>
      );
    case 'refused':
    case 'unreachable':
    case 'lost':
      return (
        <p className={`cr-banner cr-banner-${status.kind}`} role="alert">
          {status.message}
        </p>
      );
  }
}
