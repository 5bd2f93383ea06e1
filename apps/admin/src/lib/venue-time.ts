// A call's application window is announced in the venue's time zone ("ditutup 10 Oktober 23.59
// WITA"), whatever zone the manager's laptop is set to. The form edits it as a wall-clock time in
// that zone and the API stores the instant in UTC; these helpers convert between the two without
// ever passing through the browser's own zone.

/** Mantine's date-time value: `YYYY-MM-DD HH:mm:ss` (seconds optional), with no zone. */
export type WallClock = string;

const wallClockPattern = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

const zoneAbbreviations: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** WIB, WITA or WIT for Indonesia's zones; the IANA name otherwise. */
export function zoneAbbreviation(timeZone: string): string {
  return zoneAbbreviations[timeZone] ?? timeZone;
}

/** The wall-clock reading of an instant in a zone, as fields counted in UTC milliseconds. */
function wallClockMillis(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** How far the zone's clocks run ahead of UTC at an instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  return wallClockMillis(instant, timeZone) - Math.floor(instant / 1000) * 1000;
}

/**
 * The UTC instant (ISO 8601) at which clocks in `timeZone` show `wallClock`; null when the value is
 * not a real date and time. Indonesia keeps no daylight saving, but the second pass makes the
 * answer right for zones that do.
 */
export function wallClockToInstant(wallClock: WallClock, timeZone: string): string | null {
  const match = wallClockPattern.exec(wallClock.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number?,
  ];
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asIfUtc);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  let instant = asIfUtc - zoneOffset(asIfUtc, timeZone);
  instant = asIfUtc - zoneOffset(instant, timeZone);
  return new Date(instant).toISOString();
}

/** What clocks in `timeZone` show at `instant`, as Mantine's `YYYY-MM-DD HH:mm:ss`. */
export function instantToWallClock(instant: string | Date, timeZone: string): WallClock {
  const millis = wallClockMillis(new Date(instant).getTime(), timeZone);
  return new Date(millis).toISOString().slice(0, 19).replace('T', ' ');
}
