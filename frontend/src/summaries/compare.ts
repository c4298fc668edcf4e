// Month keys, numbers and the comparisons of a summary's figures: pure functions, so the
// screens stay about layout and the rules are unit-tested (tests/unit/summaries.test.ts).
import type { Lang } from '../i18n'
import type { Compared } from './types'

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/

/** "2026-11" (what the API and the email link use); anything else is not a month. */
export function isMonthKey(value: string): boolean {
  return MONTH_KEY.test(value)
}

/** The month before the one a YYYY-MM-DD date falls in: "2026-12-01" → "2026-11". */
export function monthBefore(date: string): string {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

const LOCALES: Record<Lang, string> = { ja: 'ja-JP', en: 'en-GB' }

/** "2026年11月" / "November 2026". */
export function formatMonth(key: string, lang: Lang): string {
  const found = MONTH_KEY.exec(key)
  if (!found) return key
  const when = new Date(Date.UTC(Number(found[1]), Number(found[2]) - 1, 1))
  return new Intl.DateTimeFormat(LOCALES[lang], { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(when)
}

/** Grouped, with at most `digits` decimals: 1234.5 → "1,234.5"; 2 → "2". */
export function formatNumber(value: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(value)
}

/** Rounded half away from zero to `digits` decimals, without float dust (0.1 + 0.2). */
export function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits
  const rounded = Math.round(Math.abs(value) * scale + Number.EPSILON * scale) / scale
  return value < 0 ? -rounded : rounded
}

/** Which way is better for a figure; the self-check's score is better when lower. */
export type Better = 'higher' | 'lower' | 'neither'
export type Direction = 'up' | 'down' | 'same'
export type Verdict = 'good' | 'bad' | 'neutral'

export interface Change {
  direction: Direction
  /** The size of the change, never negative, rounded to the figure's digits. */
  amount: number
  verdict: Verdict
}

/**
 * How `value` moved from `before`. `gentle` (her defence period) never calls a drop bad:
 * she chose to hold back for a while, and the app does not scold her for it.
 */
export function changeFrom(
  value: number,
  before: number | null,
  options: { better?: Better; digits?: number; gentle?: boolean } = {},
): Change | null {
  if (before === null || before === undefined || !Number.isFinite(before) || !Number.isFinite(value)) return null
  const { better = 'higher', digits = 1, gentle = false } = options
  const diff = roundTo(value - before, digits)
  const direction: Direction = diff > 0 ? 'up' : diff < 0 ? 'down' : 'same'
  let verdict: Verdict = 'neutral'
  if (direction !== 'same' && better !== 'neither') {
    const improved = (direction === 'up') === (better === 'higher')
    verdict = improved ? 'good' : gentle ? 'neutral' : 'bad'
  }
  return { direction, amount: Math.abs(diff), verdict }
}

/** A compared figure against last month and against the 3-month average. */
export function compare(
  figure: Compared,
  options: { better?: Better; digits?: number; gentle?: boolean } = {},
): { prev: Change | null; avg: Change | null } {
  return {
    prev: changeFrom(figure.value, figure.prev, options),
    avg: changeFrom(figure.value, figure.avg3, options),
  }
}

/** True for a {value, prev, avg3} object (a figure from a newer or damaged summary may not be). */
export function isCompared(value: unknown): value is Compared {
  if (!value || typeof value !== 'object') return false
  const v = value as Record<string, unknown>
  const numberOrNull = (x: unknown) => x === null || typeof x === 'number'
  return typeof v.value === 'number' && numberOrNull(v.prev) && numberOrNull(v.avg3)
}

/** Bar lengths in percent of the largest value (0 when every value is 0 or missing). */
export function barPercents(values: (number | null)[]): number[] {
  const top = Math.max(0, ...values.map((v) => (typeof v === 'number' && v > 0 ? v : 0)))
  return values.map((v) => (top > 0 && typeof v === 'number' && v > 0 ? roundTo((v / top) * 100, 1) : 0))
}

/** Whole minutes for a duration shown to her (an average may carry decimals). */
export function wholeMinutes(value: number): number {
  return Math.max(0, Math.round(value))
}
