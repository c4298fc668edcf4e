// The latest earnings-gap result she chose to keep, for the 1:1 brief (a later screen reads
// it with readLatestEarnings()). Kept in localStorage on this device only: it holds
// figures she typed, not records, and never goes to the server.
import { checkEarnings, type EarningsInput } from './earnings'

export const LATEST_KEY = 'ippo.earnings.latest'

export interface SavedEarnings {
  /** The day it was kept, in her time zone (YYYY-MM-DD). */
  date: string
  total_gap: number
  pay_gap: number
  allowance_gap: number
  retirement_gap: number
  inputs: EarningsInput
  /** The one-line summary in the language she used ("生涯年収の差（試算）：約1,124万円…"). */
  summary: string
}

export function readLatestEarnings(): SavedEarnings | null {
  try {
    const saved = JSON.parse(localStorage.getItem(LATEST_KEY) ?? 'null') as SavedEarnings | null
    if (!saved || typeof saved !== 'object' || !saved.inputs || typeof saved.total_gap !== 'number') return null
    return checkEarnings(saved.inputs).length === 0 ? saved : null
  } catch {
    return null
  }
}

/** Throws when the browser refuses to store it (private mode, full storage). */
export function keepLatestEarnings(saved: SavedEarnings): void {
  localStorage.setItem(LATEST_KEY, JSON.stringify(saved))
}
