// Goals ("by when, what"): their fields, the form (with the server's bounds, generated from
// server/journal/records.py) and which list a goal belongs in on a given day. Pure: the
// screens pass "today" in her time zone, so the rules are the same on every device.
import type { RecordFields } from '../gen/records'
import { field, type FieldSpec } from '../records/schema'
import type { LocalRecord } from '../types'
import { addDays, daysBetween } from '../time'

export const GOAL_CATEGORIES = field('goal', 'category').choices as readonly GoalCategory[]
export const GOAL_STATUSES = field('goal', 'status').choices as readonly GoalStatus[]

export type GoalFields = RecordFields['goal']
export type GoalCategory = GoalFields['category']
export type GoalStatus = GoalFields['status']

export type Goal = LocalRecord<GoalFields>

/** An open goal due within this many days (today included) is "due soon". */
export const SOON_DAYS = 14

export type Bucket = 'overdue' | 'soon' | 'open' | 'closed'
export const BUCKETS: readonly Bucket[] = ['overdue', 'soon', 'open', 'closed']

export const GOAL_SPECS: FieldSpec[] = [
  field('goal', 'title'),
  field('goal', 'category', { required: true }),
  field('goal', 'due'),
  field('goal', 'progress'),
  field('goal', 'status', { required: true }),
  field('goal', 'company_benefit', { kind: 'textarea' }),
  field('goal', 'next_step', { kind: 'textarea' }),
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
