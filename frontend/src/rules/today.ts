// The rules behind Today's cards, as pure functions of her records (no UI, no store), so
// the components that draw the cards and the tools that need the same answers share them.
import { addDays } from '../time'
import type { LocalRecord } from '../types'

/** Days in a row with the item done, ending today — or yesterday while today is still open. */
export function streakOf(doneDates: Set<string>, day: string): number {
  let cursor = doneDates.has(day) ? day : addDays(day, -1)
  let n = 0
  while (doneDates.has(cursor)) {
    n++
    cursor = addDays(cursor, -1)
  }
  return n
}

/** Newest first: by date, then by when the server stored it (unsynced ones count as newest). */
export function newestFirst<F extends { date: string }>(a: LocalRecord<F>, b: LocalRecord<F>): number {
  if (a.fields.date !== b.fields.date) return a.fields.date < b.fields.date ? 1 : -1
  const ua = a.updated_at ?? '\uffff'
  const ub = b.updated_at ?? '\uffff'
  return ua < ub ? 1 : ua > ub ? -1 : 0
}

/** Her five most recent distinct tasks, each with the log it came from. */
export function recentTasks<F extends { date: string; task?: string }>(logs: LocalRecord<F>[]): LocalRecord<F>[] {
  const seen = new Set<string>()
  const out: LocalRecord<F>[] = []
  for (const log of [...logs].sort(newestFirst)) {
    const key = (log.fields.task ?? '').trim()
    if (!key || seen.has(key)) continue
    seen.add(key)
    out.push(log)
    if (out.length === 5) break
  }
  return out
}
