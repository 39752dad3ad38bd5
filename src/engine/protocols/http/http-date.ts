/**
 * IMF-fixdate (RFC 9110 §5.6.7) for virtual time, without the Date object (the engine has no
 * wall clock). Virtual time 0 is 2026-12-31 23:59:00 UTC, one minute before New Year.
 */
export const VIRTUAL_EPOCH_UNIX_SEC = 1798761540;

const DAYS = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'] as const; // 1970-01-01 was a Thursday
const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** Civil date from days since 1970-01-01 (Howard Hinnant's algorithm). */
function civil(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** `Thu, 31 Dec 2026 23:59:00 GMT` for a virtual time in ms. */
export function httpDate(virtualMs: number): string {
  const unix = VIRTUAL_EPOCH_UNIX_SEC + Math.floor(virtualMs / 1000);
  const days = Math.floor(unix / 86400);
  const secs = unix - days * 86400;
  const { y, m, d } = civil(days);
  const hh = Math.floor(secs / 3600);
  const mm = Math.floor((secs % 3600) / 60);
  const ss = secs % 60;
  return `${DAYS[((days % 7) + 7) % 7]}, ${two(d)} ${MONTHS[m - 1]} ${y} ${two(hh)}:${two(mm)}:${two(ss)} GMT`;
}
