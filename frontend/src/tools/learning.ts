// The learning log's sums: this week (Monday to Sunday) and this month in her time zone,
// and the minutes put towards each certification goal. Pure: "today" comes from the screen.
import type { RecordFields } from '../gen/records'
import type { LocalRecord } from '../types'
import { addDays, weekStart } from '../time'
import type { GoalFields } from './goals'

export { PLACES } from '../records/schema'
export type LearningSessionFields = RecordFields['learning_session']
export type Place = LearningSessionFields['place']

export type Session = LocalRecord<LearningSessionFields>

export interface Period {
  start: string
  end: string
}

/** Monday to Sunday of the week `day` is in. */
export function weekOf(day: string): Period {
  const start = weekStart(day)
  return { start, end: addDays(start, 6) }
}

/** The first to the last day of the month `day` is in. */
export function monthOf(day: string): Period {
  const start = `${day.slice(0, 7)}-01`
  const next = addDays(start, 32).slice(0, 7)
  return { start, end: addDays(`${next}-01`, -1) }
}

function minutesOf(session: { fields: Pick<LearningSessionFields, 'minutes'> }): number {
  const n = Number(session.fields.minutes)
  return Number.isFinite(n) && n > 0 ? n : 0
}

/** Minutes of the sessions dated within the period (both ends included). */
export function minutesIn(
  sessions: readonly { fields: Pick<LearningSessionFields, 'date' | 'minutes'> }[],
  period: Period,
): number {
  let total = 0
  for (const s of sessions) {
    const date = s.fields.date
    if (typeof date === 'string' && date >= period.start && date <= period.end) total += minutesOf(s)
  }
  return total
}

export interface LearningTotals {
  week: number
  weekSessions: number
  month: number
  monthSessions: number
}

export function learningTotals(
  sessions: readonly { fields: Pick<LearningSessionFields, 'date' | 'minutes'> }[],
  day: string,
): LearningTotals {
  const week = weekOf(day)
  const month = monthOf(day)
  const inside = (p: Period) => sessions.filter((s) => s.fields.date >= p.start && s.fields.date <= p.end)
  return {
    week: minutesIn(sessions, week),
    weekSessions: inside(week).length,
    month: minutesIn(sessions, month),
    monthSessions: inside(month).length,
  }
}

export interface LinkedMinutes {
  /** Linked minutes dated this month. */
  month: number
  /** Linked minutes ever. */
  total: number
  sessions: number
}

type Linkable = { fields: Pick<LearningSessionFields, 'date' | 'minutes' | 'goal'> }

/** Study minutes linked to each goal id: this month's and all of them. */
export function minutesByGoal(sessions: readonly Linkable[], day: string): Map<string, LinkedMinutes> {
  const month = monthOf(day)
  const linked = new Map<string, LinkedMinutes>()
  for (const s of sessions) {
    const id = s.fields.goal
    if (!id) continue
    const sums = linked.get(id) ?? { month: 0, total: 0, sessions: 0 }
    const minutes = minutesOf(s)
    sums.total += minutes
    sums.sessions += 1
    if (s.fields.date >= month.start && s.fields.date <= month.end) sums.month += minutes
    linked.set(id, sums)
  }
  return linked
}

export function linkedMinutes(sessions: readonly Linkable[], goalId: string, day: string): LinkedMinutes {
  return minutesByGoal(sessions, day).get(goalId) ?? { month: 0, total: 0, sessions: 0 }
}

export type CertificationProgress<G> = LinkedMinutes & { goal: G }

/**
 * Every certification goal with the study minutes linked to it: open goals first (the
 * nearest due date first), then finished or dropped ones, latest first.
 */
export function certificationProgress<G extends { id: string; fields: Pick<GoalFields, 'category' | 'status' | 'due'> }>(
  goals: readonly G[],
  sessions: readonly Linkable[],
  day: string,
): CertificationProgress<G>[] {
  const linked = minutesByGoal(sessions, day)
  const rank = (g: G) => (g.fields.status === 'open' ? 0 : 1)
  return goals
    .filter((g) => g.fields.category === 'certification')
    .sort((a, b) => {
      if (rank(a) !== rank(b)) return rank(a) - rank(b)
      const byDue = (a.fields.due ?? '').localeCompare(b.fields.due ?? '')
      return rank(a) === 0 ? byDue : -byDue
    })
    .map((goal) => ({ goal, ...(linked.get(goal.id) ?? { month: 0, total: 0, sessions: 0 }) }))
}

/** Newest first: by date, then sessions not yet on the server, then the server's order. */
export function newestSessions<S extends { id: string; updated_at: string | null; fields: { date: string } }>(
  sessions: readonly S[],
): S[] {
  return [...sessions].sort((a, b) => {
    if (a.fields.date !== b.fields.date) return a.fields.date < b.fields.date ? 1 : -1
    const ua = a.updated_at ?? '\uffff'
    const ub = b.updated_at ?? '\uffff'
    return ua < ub ? 1 : ua > ub ? -1 : a.id.localeCompare(b.id)
  })
}
