// Calendar days as plain 'YYYY-MM-DD' strings. Arithmetic runs in UTC on purpose: a date
// has no time of day, so the device's own zone (and its DST) must never shift it.

const DEFAULT_ZONE = 'Asia/Tokyo'
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    formatters.set(timeZone, format)
  }
  return format
}

/** The date it is now (or at `now`) in `timeZone`; an unknown zone counts as Asia/Tokyo. */
export function today(timeZone: string, now: Date = new Date()): string {
  let format: Intl.DateTimeFormat
  try {
    format = formatter(timeZone || DEFAULT_ZONE)
  } catch {
    format = formatter(DEFAULT_ZONE)
  }
  // formatToParts, not format(): the en-CA pattern has changed across ICU versions before.
  const parts: Record<string, string> = {}
  for (const part of format.formatToParts(now)) parts[part.type] = part.value
  return `${parts.year}-${parts.month}-${parts.day}`
}

function parse(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
}

function format(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

const DAY_MS = 86_400_000

export function addDays(date: string, n: number): string {
  return format(parse(date) + n * DAY_MS)
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  return (new Date(parse(date)).getUTCDay() + 6) % 7
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parse(b) - parse(a)) / DAY_MS)
}

/** The Monday of the week `date` is in. */
export function weekStart(date: string): string {
  return addDays(date, -weekdayOf(date))
}

/** True for a real calendar date in 'YYYY-MM-DD' form (rejects 2026-02-30). */
export function isDate(value: string): boolean {
  try {
    return format(parse(value)) === value
  } catch {
    return false
  }
}
