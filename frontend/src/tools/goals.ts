// Goals ("by when, what"): their fields, the form's bounds (the same as the server's in
// server/journal/types.py) and which list a goal belongs in on a given day. Pure: the
// screens pass "today" in her time zone, so the rules are the same on every device.
import type { FieldSpec } from '../records/schema'
import type { LocalRecord } from '../types'
import { addDays, daysBetween } from '../time'

export const GOAL_CATEGORIES = ['role', 'skill', 'certification', 'work_style', 'other'] as const
export const GOAL_STATUSES = ['open', 'done', 'dropped'] as const

export type GoalCategory = (typeof GOAL_CATEGORIES)[number]
export type GoalStatus = (typeof GOAL_STATUSES)[number]

export interface GoalFields {
  title: string
  category: GoalCategory
  due: string
  status: GoalStatus
  progress: number
  company_benefit: string
  next_step: string
}

export type Goal = LocalRecord<GoalFields>

/** An open goal due within this many days (today included) is "due soon". */
export const SOON_DAYS = 14

export type Bucket = 'overdue' | 'soon' | 'open' | 'closed'
export const BUCKETS: readonly Bucket[] = ['overdue', 'soon', 'open', 'closed']

export const GOAL_SPECS: FieldSpec[] = [
  { name: 'title', kind: 'text', required: true, maxLength: 200 },
  { name: 'category', kind: 'choice', choices: GOAL_CATEGORIES, required: true },
  { name: 'due', kind: 'date', required: true },
  { name: 'progress', kind: 'int', min: 0, max: 100 },
  { name: 'status', kind: 'choice', choices: GOAL_STATUSES, required: true },
  { name: 'company_benefit', kind: 'textarea', maxLength: 1000 },
  { name: 'next_step', kind: 'textarea', maxLength: 500 },
]

/** Where a goal is listed on `day`: done and dropped goals are closed whatever their date. */
export function bucketOf(goal: Pick<GoalFields, 'status' | 'due'>, day: string): Bucket {
  if (goal.status !== 'open') return 'closed'
  if (typeof goal.due !== 'string' || !goal.due) return 'open'
  if (goal.due < day) return 'overdue'
  if (goal.due <= addDays(day, SOON_DAYS)) return 'soon'
  return 'open'
}

/**
 * The goals in their four lists: open ones by due date (the nearest first), closed ones
 * with the latest due date first, as the most recent results matter most there.
 */
export function bucketGoals<G extends { id: string; fields: Pick<GoalFields, 'status' | 'due' | 'title'> }>(
  goals: readonly G[],
  day: string,
): Record<Bucket, G[]> {
  const out: Record<Bucket, G[]> = { overdue: [], soon: [], open: [], closed: [] }
  for (const goal of goals) out[bucketOf(goal.fields, day)].push(goal)
  const byDue = (a: G, b: G) =>
    (a.fields.due ?? '').localeCompare(b.fields.due ?? '') || (a.fields.title ?? '').localeCompare(b.fields.title ?? '')
  out.overdue.sort(byDue)
  out.soon.sort(byDue)
  out.open.sort(byDue)
  out.closed.sort((a, b) => byDue(b, a))
  return out
}

/** Days from `day` to the goal's due date: negative once it is past. */
export function daysLeft(due: string, day: string): number {
  return daysBetween(day, due)
}

/** A whole number from 0 to 100 from whatever the slider or the box gave (NaN → 0). */
export function clampProgress(value: unknown): number {
  const n = Math.round(Number(value))
  if (!Number.isFinite(n)) return 0
  return Math.min(100, Math.max(0, n))
}

/** Her open goals, nearest due date first (the learning log's "linked goal" choices). */
export function openGoals<G extends { id: string; fields: Pick<GoalFields, 'status' | 'due' | 'title'> }>(
  goals: readonly G[],
): G[] {
  return goals
    .filter((g) => g.fields.status === 'open')
    .sort((a, b) => (a.fields.due ?? '').localeCompare(b.fields.due ?? '') || a.id.localeCompare(b.id))
}
