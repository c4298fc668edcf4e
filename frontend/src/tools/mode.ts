// Career mode (attack or defence, with a period and a purpose) as plain functions of her
// career_mode records: which one is current on a day, and when to remind her to choose the
// next. Anyone may use currentMode() — the weekly report uses it to speak of being on plan.
import type { CareerModeFields } from '../records/schema'
import type { Tone } from '../components/tone'
import { addDays, daysBetween } from '../time'

export type { CareerModeFields }

export type ModeKind = CareerModeFields['mode']

interface ModeRecord {
  id: string
  deleted?: boolean
  fields: Pick<CareerModeFields, 'mode' | 'starts' | 'ends'>
}

/** A reminder shows from this many days before the end… */
export const REMIND_DAYS_BEFORE = 7
/** …and, when no period follows, for this many days after it. */
export const REMIND_DAYS_AFTER = 30

function live<T extends ModeRecord>(records: readonly T[] | null | undefined): T[] {
  return (records ?? []).filter((r) => !r.deleted && r.fields?.starts && r.fields?.ends)
}

/** Latest start first; on the same start, the one that runs longer. */
function byStartDesc(a: ModeRecord, b: ModeRecord): number {
  const fa = a.fields
  const fb = b.fields
  if (fa.starts !== fb.starts) return fa.starts < fb.starts ? 1 : -1
  if (fa.ends !== fb.ends) return fa.ends < fb.ends ? 1 : -1
  return a.id < b.id ? -1 : 1
}

/** The mode whose period covers `day` (starts ≤ day ≤ ends); the latest started if several. */
export function currentMode<T extends ModeRecord>(records: readonly T[] | null | undefined, day: string): T | undefined {
  return live(records)
    .filter((r) => r.fields.starts <= day && day <= r.fields.ends)
    .sort(byStartDesc)[0]
}

/** The app's voice on `day`: the current mode's, or neutral without one. */
export function toneOn(records: readonly ModeRecord[] | null | undefined, day: string): Tone {
  return currentMode(records, day)?.fields.mode ?? 'neutral'
}

/** Every period, latest start first (for the history list). */
export function modeHistory<T extends ModeRecord>(records: readonly T[] | null | undefined): T[] {
  return live(records).sort(byStartDesc)
}

export interface ModeReminder<T> {
  /** ending: the current period ends within REMIND_DAYS_BEFORE days; ended: it is over. */
  kind: 'ending' | 'ended'
  record: T
  /** Days from `day` to the period's last day: 0 on the last day, negative once it is over. */
  daysLeft: number
}

/**
 * Time to look back and choose the next period: the current one ends within a week, or
 * the last one ended in the past month and nothing covers today. Nothing to say once she
 * has planned a period that starts later.
 */
export function modeReminder<T extends ModeRecord>(
  records: readonly T[] | null | undefined,
  day: string,
): ModeReminder<T> | null {
  const all = live(records)
  const current = currentMode(all, day)
  if (current) {
    const daysLeft = daysBetween(day, current.fields.ends)
    if (daysLeft > REMIND_DAYS_BEFORE) return null
    const planned = all.some((r) => r.fields.starts > day)
    return planned ? null : { kind: 'ending', record: current, daysLeft }
  }
  if (all.some((r) => r.fields.starts > day)) return null
  const last = all.filter((r) => r.fields.ends < day).sort((a, b) => (a.fields.ends < b.fields.ends ? 1 : a.fields.ends > b.fields.ends ? -1 : 0))[0]
  if (!last) return null
  const daysLeft = daysBetween(day, last.fields.ends)
  return -daysLeft <= REMIND_DAYS_AFTER ? { kind: 'ended', record: last, daysLeft } : null
}

/** Where a new period should begin: the day after the current one ends, else today. */
export function nextStart(records: readonly ModeRecord[] | null | undefined, day: string): string {
  const current = currentMode(records, day)
  return current ? addDays(current.fields.ends, 1) : day
}

/** The same calendar day `years` later (29 Feb → 28 Feb). */
export function yearsLater(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const target = new Date(Date.UTC(y + years, m - 1, d))
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0)
  return target.toISOString().slice(0, 10)
}

export type ModeProblem = 'starts' | 'ends' | 'ends_before' | 'purpose' | 'focus'

/** Field problems in a period she is about to save (the server's rules, checked first here). */
export function checkPeriod(
  fields: { starts: string; ends: string; purpose: string; focus: string },
  isDate: (value: string) => boolean,
): Partial<Record<keyof typeof fields, ModeProblem>> {
  const problems: Partial<Record<keyof typeof fields, ModeProblem>> = {}
  if (!isDate(fields.starts)) problems.starts = 'starts'
  if (!isDate(fields.ends)) problems.ends = 'ends'
  else if (!problems.starts && fields.ends < fields.starts) problems.ends = 'ends_before'
  if ([...fields.purpose.trim()].length > 500) problems.purpose = 'purpose'
  if ([...fields.focus.trim()].length > 500) problems.focus = 'focus'
  return problems
}
