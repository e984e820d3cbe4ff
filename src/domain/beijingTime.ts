/** China has one time zone, UTC+8 with no daylight saving: a fixed offset, whatever the machine's zone. */
const BEIJING_OFFSET_MS = 8 * 3600_000;

/** A moment as Beijing wall-clock time, `YYYY-MM-DD HH:MM:SS`: every printed time reads it from here. */
export function beijingClock(moment: Date | string): string {
  const iso = new Date(new Date(moment).getTime() + BEIJING_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
