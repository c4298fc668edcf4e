// Employer comparison, as plain functions of her employer records: the guide's default
// criteria, her own criteria, the shared weights and the weighted totals that rank them.
//
// The record keeps {score, weight} per criterion per employer (server/journal/records.py),
// but a weight says how much a criterion matters to HER, not to one company: the screen
// sets it once and writes the same weight to every employer. When records disagree (two
// devices changed a weight offline), the most recently changed employer's weight wins.
//
// Weighted total, as a percentage of the best possible:
//   total = round( Σ score × weight  /  Σ 5 × weight  × 100 )
// A criterion weighted 0 does not count; with every weight 0 there is no total (null).
// A criterion not scored yet counts as 0, so every employer is judged on the same criteria.

import type { components } from '../gen/api'
import type { RecordFields } from '../gen/records'

/** A part left out is 0 on the server; the phone always writes both. */
export type Criterion = Required<components['schemas']['Criterion']>

export type EmployerFields = Omit<RecordFields['employer'], 'criteria'> & { criteria: Record<string, Criterion> }

/** The guide's criteria (chapter 9 and the brief's remedy 5), in the order they are shown. */
export const DEFAULT_CRITERIA = [
  'mothers_in_management',
  'remote_work',
  'flex_time',
  'results_evaluation',
  'short_hours',
  'parental_leave',
] as const

export type DefaultCriterion = (typeof DEFAULT_CRITERIA)[number]

/** The guide's three points to check first weigh a little more until she says otherwise. */
export const DEFAULT_WEIGHTS: Record<DefaultCriterion, number> = {
  mothers_in_management: 4,
  remote_work: 4,
  flex_time: 3,
  results_evaluation: 4,
  short_hours: 3,
  parental_leave: 3,
}

export const MAX_SCORE = 5
export const MAX_WEIGHT = 5
/** The server's Mapping: at most 30 criteria, keys of 1 to 40 characters. */
export const MAX_CRITERIA = 30
export const KEY_LENGTH = 40
export const CUSTOM_PREFIX = 'custom:'
/** Her own label fits in the key after the prefix. */
export const LABEL_LENGTH = KEY_LENGTH - CUSTOM_PREFIX.length

/** Length as the server counts it (code points, not UTF-16 units). */
function length(text: string): number {
  return [...text].length
}

export function isDefault(key: string): key is DefaultCriterion {
  return (DEFAULT_CRITERIA as readonly string[]).includes(key)
}

export function isCustom(key: string): boolean {
  return key.startsWith(CUSTOM_PREFIX) && key.length > CUSTOM_PREFIX.length
}

/** Her label for a criterion of her own ("custom:保育園に近い" → "保育園に近い"). */
export function customLabel(key: string): string {
  return key.slice(CUSTOM_PREFIX.length)
}

export type KeyProblem = 'required' | 'too_long' | 'exists' | 'too_many'

/** The key for a label she typed, or why it cannot be one. */
export function customKey(label: string, existing: readonly string[]): { key: string } | { problem: KeyProblem } {
  const clean = label.trim().replace(/\s+/g, ' ')
  if (!clean) return { problem: 'required' }
  if (length(clean) > LABEL_LENGTH) return { problem: 'too_long' }
  const key = CUSTOM_PREFIX + clean
  if (existing.includes(key)) return { problem: 'exists' }
  if (existing.length >= MAX_CRITERIA) return { problem: 'too_many' }
  return { key }
}

interface Dated {
  fields: EmployerFields
  updated_at: string | null
  pending: boolean
}

/** Newest change first: unsent local edits, then by the server's time. */
function newestFirst(a: Dated, b: Dated): number {
  if (a.pending !== b.pending) return a.pending ? -1 : 1
  const ta = a.updated_at ?? ''
  const tb = b.updated_at ?? ''
  return ta < tb ? 1 : ta > tb ? -1 : 0
}

function clampInt(value: unknown, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : 0
  return Math.min(max, Math.max(0, n))
}

/**
 * Every criterion in use: the defaults first, then her own by label, each with the one
 * weight shared by all employers.
 */
export function sharedCriteria(employers: readonly Dated[]): { key: string; weight: number }[] {
  const weights = new Map<string, number>()
  for (const employer of [...employers].sort(newestFirst)) {
    for (const [key, value] of Object.entries(employer.fields.criteria ?? {})) {
      if (!weights.has(key)) weights.set(key, clampInt(value?.weight, MAX_WEIGHT))
    }
  }
  // Her own criteria by label: the server's JSON (jsonb) does not keep key order.
  const own = [...weights.keys()].filter((key) => !isDefault(key)).sort((a, b) => a.localeCompare(b, 'ja'))
  const keys: string[] = [...DEFAULT_CRITERIA, ...own]
  return keys.map((key) => ({
    key,
    weight: weights.get(key) ?? (isDefault(key) ? DEFAULT_WEIGHTS[key] : 3),
  }))
}

/** One employer's criteria object with every shared criterion and weight (scores kept). */
export function withWeights(
  criteria: Record<string, Criterion> | undefined,
  shared: readonly { key: string; weight: number }[],
): Record<string, Criterion> {
  const out: Record<string, Criterion> = {}
  for (const { key, weight } of shared) out[key] = { score: clampInt(criteria?.[key]?.score, MAX_SCORE), weight }
  return out
}

/** Σ score×weight / Σ 5×weight as a whole percentage; null when nothing is weighted. */
export function weightedTotal(
  criteria: Record<string, Criterion> | undefined,
  shared: readonly { key: string; weight: number }[],
): number | null {
  let got = 0
  let best = 0
  for (const { key, weight } of shared) {
    got += clampInt(criteria?.[key]?.score, MAX_SCORE) * weight
    best += MAX_SCORE * weight
  }
  return best === 0 ? null : Math.round((got / best) * 100)
}

export interface Ranked<T> {
  employer: T
  total: number | null
  rank: number
}

/** Highest total first (no total last); equal totals share a rank and sort by name. */
export function rankEmployers<T extends Dated & { id: string }>(
  employers: readonly T[],
  shared: readonly { key: string; weight: number }[],
): Ranked<T>[] {
  const rows = employers.map((employer) => ({ employer, total: weightedTotal(employer.fields.criteria, shared), rank: 0 }))
  rows.sort(
    (a, b) =>
      (b.total ?? -1) - (a.total ?? -1) ||
      a.employer.fields.name.localeCompare(b.employer.fields.name) ||
      (a.employer.id < b.employer.id ? -1 : 1),
  )
  rows.forEach((row, i) => {
    const prev = rows[i - 1]
    row.rank = prev && prev.total === row.total ? prev.rank : i + 1
  })
  return rows
}

/** A URL the server accepts (empty, or starting with http(s)://, at most 300 characters). */
export function cleanUrl(value: string): { url: string } | { problem: 'scheme' | 'too_long' } {
  let url = value.trim()
  if (/^https?:\/\//i.test(url)) {
    // The server compares the scheme as typed: "HTTPS://" from a phone keyboard becomes "https://".
    url = url.replace(/^https?/i, (scheme) => scheme.toLowerCase())
  } else if (url) {
    // "example.co.jp" typed without a scheme is the common case on a phone.
    if (!/^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(url)) return { problem: 'scheme' }
    url = `https://${url}`
  }
  if (length(url) > 300) return { problem: 'too_long' }
  return { url }
}
