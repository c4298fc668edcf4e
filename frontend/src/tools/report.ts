// The weekly report's figures, computed on the phone from its own records (offline, pending
// entries included) with the server's definitions (server/journal/README.md). Pure functions:
// content/report_cases.json runs through both this file and server/journal/selectors.py.
import type { Tone } from '../components/tone'
import { LIMITS, PROGRESS_STATUSES } from '../gen/records'
import { addDays, isDate, today, weekdayOf } from '../time'
import type { ReportKey } from '../i18n/report-ja'
import type { LocalRecord } from '../types'

export const FIRST_YEAR = 2000
export const LAST_YEAR = 2999
const RATE_STEPS = 10_000

export interface Week {
  key: string // "2026-W47"
  start: string // the Monday
  end: string // the Sunday
}

/** The ISO week `date` (YYYY-MM-DD) falls in. */
export function weekOf(date: string): Week {
  const start = addDays(date, -weekdayOf(date))
  const thursday = addDays(start, 3)
  const year = Number(thursday.slice(0, 4))
  const jan1 = `${thursday.slice(0, 4)}-01-01`
  const dayOfYear = Math.round((Date.parse(thursday) - Date.parse(jan1)) / 86_400_000)
  const number = Math.floor(dayOfYear / 7) + 1
  return {
    key: `${String(year).padStart(4, '0')}-W${String(number).padStart(2, '0')}`,
    start,
    end: addDays(start, 6),
  }
}

/** "2026-W47" → its Monday and Sunday; null for a week that does not exist. */
export function parseWeek(key: string | null | undefined): Week | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(key ?? '')
  if (!match) return null
  const year = Number(match[1])
  const number = Number(match[2])
  if (year < FIRST_YEAR || year > LAST_YEAR || number < 1) return null
  const jan4 = `${match[1]}-01-04` // always in week 1
  if (!isDate(jan4)) return null
  const start = addDays(addDays(jan4, -weekdayOf(jan4)), (number - 1) * 7)
  const week = weekOf(start)
  return week.key === key ? week : null // 2026-W54, 2027-W53 do not exist
}

export function shiftWeek(week: Week, weeks: number): Week {
  return weekOf(addDays(week.start, weeks * 7))
}

/** The week before the one it is now in `timeZone`: the last week that has ended. */
export function lastFullWeek(timeZone: string, now: Date = new Date()): Week {
  return weekOf(addDays(today(timeZone, now), -7))
}

export function currentWeek(timeZone: string, now: Date = new Date()): Week {
  return weekOf(today(timeZone, now))
}

// The fields the figures read (a subset of each type's fields).
interface EfficiencyLike {
  date: string
  task: string
  minutes_spent: number
  minutes_saved?: number
  improvement?: string
  outcome_value?: number | string | null
  outcome_unit?: string
}
interface DatedLike {
  date: string
  minutes?: number
}
interface ItemLike {
  archived?: boolean
}
interface CheckLike {
  item: string
  date: string
  done?: boolean
}
interface GoalLike {
  title: string
  due: string
  status?: string
  progress?: number
}

export interface ReportRecords {
  efficiency_log: LocalRecord<EfficiencyLike>[]
  learning_session: LocalRecord<DatedLike>[]
  contact: LocalRecord<DatedLike>[]
  checklist_item: LocalRecord<ItemLike>[]
  check: LocalRecord<CheckLike>[]
  goal: LocalRecord<GoalLike>[]
}

export interface Outcome {
  unit: string
  total: number
  entries: number
}
export interface Improvement {
  improvement: string
  task: string
  minutes_saved: number
  entries: number
}
export interface ProgressedGoal {
  id: string
  title: string
  status: ProgressStatus
  progress: number
  due: string
}

/** What counts as progress: done, or open with some progress (server/journal/records.py). */
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number]

/** The same keys and values as GET /api/reports/weekly. */
export interface WeeklyFigures {
  week: string
  start: string
  end: string
  time_zone: string
  tasks_logged: number
  minutes_spent: number
  minutes_saved: number
  outcomes: Outcome[]
  top_improvements: Improvement[]
  learning_minutes: number
  learning_sessions: number
  contacts: number
  checks_done: number
  checklist_items: number
  completion_rate: number
  goals_progressed: number
  goals: ProgressedGoal[]
}

/** The numeric figures drawn on the screen (data-key = the JSON field name). */
export const FIGURE_KEYS = [
  'tasks_logged',
  'minutes_spent',
  'minutes_saved',
  'learning_minutes',
  'learning_sessions',
  'contacts',
  'checks_done',
  'completion_rate',
  'goals_progressed',
] as const
export type FigureKey = (typeof FIGURE_KEYS)[number]

/** Compare by Unicode code points, as Python orders str (JS `<` compares UTF-16 units). */
export function compareText(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) as number)
  const y = Array.from(b, (c) => c.codePointAt(0) as number)
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i]
  return x.length - y.length
}

/** done ÷ (items × 7), rounded half up to 4 decimal places; 0 without items. */
export function completionRate(done: number, items: number): number {
  if (items <= 0) return 0
  return Math.round((done * RATE_STEPS) / (items * 7)) / RATE_STEPS
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')
const whole = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0)

function cents(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null
  const n = Number(value)
  return Number.isFinite(n) ? Math.round(n * 100) : null
}

/**
 * The local date of the record's last change on the server. A change still waiting to be
 * pushed (or pushed but not yet pulled back) gets the server's time when it arrives, which is
 * about now, so "now" stands for it: the phone and the server then agree once it is synced.
 */
function changedOn(record: LocalRecord<unknown>, timeZone: string, now: Date): string {
  const at = record.pending || !record.updated_at ? now : new Date(record.updated_at)
  return today(timeZone, at)
}

export function weeklyFigures(
  records: ReportRecords,
  week: Week,
  timeZone: string,
  now: Date = new Date(),
): WeeklyFigures {
  const live = <T>(list: LocalRecord<T>[]) => list.filter((r) => !r.deleted)
  const inWeek = <T extends { date: string }>(list: LocalRecord<T>[]) =>
    live(list).filter((r) => r.fields.date >= week.start && r.fields.date <= week.end)

  const logs = inWeek(records.efficiency_log)
  const units = new Map<string, { cents: number; entries: number }>()
  const groups = new Map<string, Improvement>()
  let spent = 0
  let saved = 0
  for (const { fields } of logs) {
    spent += whole(fields.minutes_spent)
    saved += whole(fields.minutes_saved)
    const unit = text(fields.outcome_unit)
    const value = cents(fields.outcome_value)
    if (unit && value !== null) {
      const sum = units.get(unit) ?? { cents: 0, entries: 0 }
      units.set(unit, { cents: sum.cents + value, entries: sum.entries + 1 })
    }
    if (whole(fields.minutes_saved) > 0) {
      const improvement = text(fields.improvement)
      const task = text(fields.task)
      const key = JSON.stringify([task, improvement])
      const group = groups.get(key) ?? { improvement, task, minutes_saved: 0, entries: 0 }
      group.minutes_saved += whole(fields.minutes_saved)
      group.entries += 1
      groups.set(key, group)
    }
  }
  const outcomes = [...units]
    .map(([unit, sum]) => ({ unit, total: sum.cents / 100, entries: sum.entries }))
    .sort((a, b) => b.entries - a.entries || compareText(a.unit, b.unit))
  const improvements = [...groups.values()].sort(
    (a, b) =>
      b.minutes_saved - a.minutes_saved ||
      compareText(a.improvement, b.improvement) ||
      compareText(a.task, b.task),
  )

  const learning = inWeek(records.learning_session)

  // An item is on the list at the week's end unless archived by a change made before then.
  const onList = (item: LocalRecord<ItemLike>) =>
    !item.fields.archived || changedOn(item, timeZone, now) > week.end
  const items = new Map(live(records.checklist_item).map((item) => [item.id, item]))
  let checksDone = 0
  let onCounted = 0
  for (const check of inWeek(records.check)) {
    const item = items.get(check.fields.item)
    if (!check.fields.done || !item) continue
    checksDone += 1
    if (onList(item)) onCounted += 1
  }
  const counted = [...items.values()].filter(onList).length

  const goals = live(records.goal)
    .filter((goal) => {
      const { status, progress } = goal.fields
      if (status !== 'done' && !(status === 'open' && whole(progress) > 0)) return false
      const day = changedOn(goal, timeZone, now)
      return day >= week.start && day <= week.end
    })
    .map(
      (goal): ProgressedGoal => ({
        id: goal.id,
        title: text(goal.fields.title),
        status: goal.fields.status as ProgressStatus,
        progress: whole(goal.fields.progress),
        due: goal.fields.due,
      }),
    )
    .sort((a, b) => compareText(a.due, b.due) || compareText(a.title, b.title) || compareText(a.id, b.id))

  return {
    week: week.key,
    start: week.start,
    end: week.end,
    time_zone: timeZone,
    tasks_logged: logs.length,
    minutes_spent: spent,
    minutes_saved: saved,
    outcomes,
    top_improvements: improvements.slice(0, LIMITS.top_improvements),
    learning_minutes: learning.reduce((sum, r) => sum + whole(r.fields.minutes), 0),
    learning_sessions: learning.length,
    contacts: inWeek(records.contact).length,
    checks_done: checksDone,
    checklist_items: counted,
    completion_rate: completionRate(onCounted, counted),
    goals_progressed: goals.length,
    goals,
  }
}

/** Nothing to report: no log, learning, contact, tick or goal moved in the week. */
export function isEmptyWeek(f: WeeklyFigures): boolean {
  return !f.tasks_logged && !f.learning_sessions && !f.contacts && !f.checks_done && !f.goals_progressed
}

/** The week's tasks by time spent (for the report's "what I did" lines). */
export function taskTotals(
  logs: LocalRecord<EfficiencyLike>[],
  week: Week,
): { task: string; minutes: number; entries: number }[] {
  const totals = new Map<string, { task: string; minutes: number; entries: number }>()
  for (const { fields, deleted } of logs) {
    if (deleted || fields.date < week.start || fields.date > week.end) continue
    const task = text(fields.task)
    const row = totals.get(task) ?? { task, minutes: 0, entries: 0 }
    row.minutes += whole(fields.minutes_spent)
    row.entries += 1
    totals.set(task, row)
  }
  return [...totals.values()].sort((a, b) => b.minutes - a.minutes || compareText(a.task, b.task))
}

export type { Tone }

export interface TextOptions {
  tone: Tone
  nextWeek: string
  tasks: { task: string; minutes: number; entries: number }[]
  /** The report's strings in her language (src/i18n/report.ts). */
  say: (key: ReportKey, vars?: Record<string, string | number>) => string
  minutes: (total: number) => string
  number: (n: number) => string
  day: (date: string) => string
}

const TASK_LINES = 5

/** The report as plain text for email or chat, in the language `say` speaks. */
export function reportText(f: WeeklyFigures, o: TextOptions): string {
  const { say } = o
  const sections: string[][] = [[say('report.text.title', { start: o.day(f.start), end: o.day(f.end) })]]
  if (f.tasks_logged) {
    const lines = [say('report.text.did'), say('report.text.tasks', { n: f.tasks_logged, time: o.minutes(f.minutes_spent) })]
    for (const row of o.tasks.slice(0, TASK_LINES)) {
      lines.push(say('report.text.task', { task: row.task, time: o.minutes(row.minutes), n: row.entries }))
    }
    if (o.tasks.length > TASK_LINES) lines.push(say('report.text.more_tasks', { n: o.tasks.length - TASK_LINES }))
    if (f.outcomes.length) {
      const list = f.outcomes
        .map((x) => say('report.text.outcome', { value: o.number(x.total), unit: x.unit }))
        .join(say('report.text.list_sep'))
      lines.push(say('report.text.outcomes', { list }))
    }
    sections.push(lines)
  }
  if (f.minutes_saved) {
    const lines = [say('report.text.saved', { time: o.minutes(f.minutes_saved) })]
    for (const i of f.top_improvements) {
      const vars = { improvement: i.improvement, task: i.task, time: o.minutes(i.minutes_saved) }
      lines.push(say(i.improvement ? 'report.text.improvement' : 'report.text.improvement_plain', vars))
    }
    sections.push(lines)
  }
  if (f.learning_sessions) {
    sections.push([say('report.text.learning', { time: o.minutes(f.learning_minutes), n: f.learning_sessions })])
  }
  if (f.contacts) sections.push([say('report.text.contacts', { n: f.contacts })])
  if (f.checks_done || f.checklist_items) {
    const rate = o.number(Math.round(f.completion_rate * 1000) / 10)
    sections.push([say('report.text.checks', { n: f.checks_done, rate })])
  }
  if (f.goals_progressed) {
    const lines = [say('report.text.goals', { n: f.goals_progressed })]
    for (const g of f.goals) {
      lines.push(
        g.status === 'done'
          ? say('report.text.goal_done', { title: g.title })
          : say('report.text.goal_progress', { title: g.title, progress: g.progress }),
      )
    }
    sections.push(lines)
  }
  sections.push([say(isEmptyWeek(f) ? 'report.text.nothing' : `report.tone.${o.tone}`)])
  const next = o.nextWeek.trim()
  if (next) sections.push([say('report.text.next'), next])
  return sections.map((lines) => lines.join('\n')).join('\n\n')
}

/** A mailto: link with the report as subject and body (no recipient: she picks one). */
export function mailtoHref(subject: string, body: string): string {
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`
}
