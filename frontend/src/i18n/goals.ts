// t() for the goals, learning log and network log screens: their own strings
// (goals-ja.ts, goals-en.ts) plus every shell string, loaded with those screens' chunks.
import { withMessages } from '.'
import { goalsEn } from './goals-en'
import { goalsJa, type GoalsKey } from './goals-ja'

export type { GoalsKey }

export const t = withMessages<GoalsKey>({ ja: goalsJa, en: goalsEn })

/** The `_one` form of a counted message when n is 1 (English says "1 session", not "1 sessions"). */
export function tCount(key: 'goals.due_in' | 'goals.due_late' | 'learn.sessions' | 'net.follow_late' | 'net.follow_in', n: number, vars: Record<string, string | number> = {}): string {
  return t(n === 1 ? (`${key}_one` as GoalsKey) : key, { ...vars, n })
}
