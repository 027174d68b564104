/**
 * Dates rendered with moment.js format strings (`YYYYMMDD-HHmmss`,
 * `dddd, MMMM Do YYYY, h:mm:ss a`, `[literal]`…) in an IANA time zone,
 * using only `Intl.DateTimeFormat` (English names, like moment's default
 * locale).
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const LOCAL_FORMATS: Record<string, string> = {
  LTS: 'h:mm:ss A',
  LT: 'h:mm A',
  L: 'MM/DD/YYYY',
  LL: 'MMMM D, YYYY',
  LLL: 'MMMM D, YYYY h:mm A',
  LLLL: 'dddd, MMMM D, YYYY h:mm A',
  l: 'M/D/YYYY',
  ll: 'MMM D, YYYY',
  lll: 'MMM D, YYYY h:mm A',
  llll: 'ddd, MMM D, YYYY h:mm A',
};

const TOKENS =
  /\[([^\]]*)\]|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l|YYYYYY|YYYYY|YYYY|YY|Y|Qo|Q|Mo|MMMM|MMM|MM|M|DDDo|DDDD|DDD|Do|DD|D|dddd|ddd|dd|do|d|E|e|wo|ww|w|Wo|WW|W|gggg|gg|GGGG|GG|A|a|HH|H|hh|h|kk|k|mm|m|ss|s|S{1,9}|X|x|ZZ|Z|zz|z/g;

interface Zoned {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
  offset: number; // minutes east of UTC
  zoneName: string;
  epoch: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        timeZoneName: 'short',
      });
    } catch {
      throw new Error(`unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone name this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function zoned(date: Date, timeZone: string): Zoned {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(date)) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour) % 24;
  const minute = Number(parts.minute);
  const second = Number(parts.second);
  const ms = ((date.getTime() % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const offset = Math.round((asUtc - date.getTime()) / 60000);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    ms,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    offset,
    zoneName: timeZone === 'UTC' || timeZone === 'Etc/UTC' ? 'UTC' : (parts.timeZoneName ?? ''),
    epoch: date.getTime(),
  };
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function dayOfYear(z: { year: number; month: number; day: number }): number {
  return Math.round((Date.UTC(z.year, z.month - 1, z.day) - Date.UTC(z.year, 0, 1)) / 86400000) + 1;
}

/** Day-of-year offset of the first day of week 1 (weeks start on `dow`; week 1 holds Jan `7 + dow - doy`). */
function firstWeekOffset(year: number, dow: number, doy: number): number {
  const fixed = 7 + dow - doy;
  const weekdayOfFixed = new Date(Date.UTC(year, 0, fixed)).getUTCDay();
  return -((7 + weekdayOfFixed - dow) % 7) + fixed - 1;
}

function weeksInYear(year: number, dow: number, doy: number): number {
  const days = isLeap(year) ? 366 : 365;
  return (days - firstWeekOffset(year, dow, doy) + firstWeekOffset(year + 1, dow, doy)) / 7;
}

function weekOfYear(z: Zoned, dow: number, doy: number): { week: number; year: number } {
  const week = Math.floor((dayOfYear(z) - firstWeekOffset(z.year, dow, doy) - 1) / 7) + 1;
  if (week < 1) return { week: week + weeksInYear(z.year - 1, dow, doy), year: z.year - 1 };
  const count = weeksInYear(z.year, dow, doy);
  if (week > count) return { week: week - count, year: z.year + 1 };
  return { week, year: z.year };
}

function offsetString(offset: number, separator: string): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}

function token(t: string, z: Zoned): string {
  const hour12 = z.hour % 12 === 0 ? 12 : z.hour % 12;
  switch (t) {
    case 'Y':
      return String(z.year);
    case 'YY':
      return pad(z.year % 100, 2);
    case 'YYYY':
      return pad(z.year, 4);
    case 'YYYYY':
      return pad(z.year, 5);
    case 'YYYYYY':
      return (z.year < 0 ? '-' : '+') + pad(Math.abs(z.year), 6);
    case 'Q':
      return String(Math.ceil(z.month / 3));
    case 'Qo':
      return ordinal(Math.ceil(z.month / 3));
    case 'M':
      return String(z.month);
    case 'Mo':
      return ordinal(z.month);
    case 'MM':
      return pad(z.month, 2);
    case 'MMM':
      return MONTHS[z.month - 1]!.slice(0, 3);
    case 'MMMM':
      return MONTHS[z.month - 1]!;
    case 'D':
      return String(z.day);
    case 'Do':
      return ordinal(z.day);
    case 'DD':
      return pad(z.day, 2);
    case 'DDD':
      return String(dayOfYear(z));
    case 'DDDo':
      return ordinal(dayOfYear(z));
    case 'DDDD':
      return pad(dayOfYear(z), 3);
    case 'd':
    case 'e':
      return String(z.weekday);
    case 'do':
      return ordinal(z.weekday);
    case 'dd':
      return DAYS[z.weekday]!.slice(0, 2);
    case 'ddd':
      return DAYS[z.weekday]!.slice(0, 3);
    case 'dddd':
      return DAYS[z.weekday]!;
    case 'E':
      return String(z.weekday === 0 ? 7 : z.weekday);
    case 'w':
      return String(weekOfYear(z, 0, 6).week);
    case 'wo':
      return ordinal(weekOfYear(z, 0, 6).week);
    case 'ww':
      return pad(weekOfYear(z, 0, 6).week, 2);
    case 'W':
      return String(weekOfYear(z, 1, 4).week);
    case 'Wo':
      return ordinal(weekOfYear(z, 1, 4).week);
    case 'WW':
      return pad(weekOfYear(z, 1, 4).week, 2);
    case 'gg':
      return pad(weekOfYear(z, 0, 6).year % 100, 2);
    case 'gggg':
      return pad(weekOfYear(z, 0, 6).year, 4);
    case 'GG':
      return pad(weekOfYear(z, 1, 4).year % 100, 2);
    case 'GGGG':
      return pad(weekOfYear(z, 1, 4).year, 4);
    case 'a':
      return z.hour < 12 ? 'am' : 'pm';
    case 'A':
      return z.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return String(z.hour);
    case 'HH':
      return pad(z.hour, 2);
    case 'h':
      return String(hour12);
    case 'hh':
      return pad(hour12, 2);
    case 'k':
      return String(z.hour === 0 ? 24 : z.hour);
    case 'kk':
      return pad(z.hour === 0 ? 24 : z.hour, 2);
    case 'm':
      return String(z.minute);
    case 'mm':
      return pad(z.minute, 2);
    case 's':
      return String(z.second);
    case 'ss':
      return pad(z.second, 2);
    case 'X':
      return String(Math.floor(z.epoch / 1000));
    case 'x':
      return String(z.epoch);
    case 'Z':
      return offsetString(z.offset, ':');
    case 'ZZ':
      return offsetString(z.offset, '');
    case 'z':
    case 'zz':
      return z.zoneName;
  }
  if (/^S+$/.test(t)) return pad(z.ms, 3).padEnd(t.length, '0').slice(0, t.length);
  return t;
}

/**
 * Formats `date` in `timeZone` (default UTC) with a moment.js format string.
 * Without a format, gives moment's default: ISO 8601 to the second, with `Z`
 * for a zero offset and `+hh:mm` otherwise. Throws on an unknown time zone.
 */
export function formatDate(date: Date, format: string | undefined, timeZone = 'UTC'): string {
  const z = zoned(date, timeZone);
  let fmt = format;
  if (fmt === undefined) fmt = z.offset === 0 ? 'YYYY-MM-DDTHH:mm:ss[Z]' : 'YYYY-MM-DDTHH:mm:ssZ';
  fmt = fmt.replace(/\[[^\]]*\]|LTS|LT|LLLL|LLL|LL|L|llll|lll|ll|l/g, (m) => LOCAL_FORMATS[m] ?? m);
  return fmt.replace(TOKENS, (m, literal: string | undefined) => (literal !== undefined ? literal : token(m, z)));
}
