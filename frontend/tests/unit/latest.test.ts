// The earnings result kept for the 1:1 brief: what is written under 'ippo.earnings.latest'
// is what a later screen reads back, and anything broken there reads as nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { earningsGap, type EarningsInput } from '../../src/tools/earnings'
import { LATEST_KEY, keepLatestEarnings, readLatestEarnings, type SavedEarnings } from '../../src/tools/earnings-latest'

const INPUTS: EarningsInput = {
  salary: 4_800_000,
  raise_pct: 2.5,
  track_raise_pct: 1,
  years: 25,
  track_years: 5,
  allowance: 360_000,
  allowance_from: 10,
  retirement_months: 24,
}

beforeEach(() => {
  const store = new Map<string, string>()
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
    removeItem: (key: string) => void store.delete(key),
  })
})

describe('the kept earnings result', () => {
  it('reads back what was kept', () => {
    const result = earningsGap(INPUTS)
    const saved: SavedEarnings = {
      date: '2026-11-24',
      total_gap: result.total_gap,
      pay_gap: result.pay_gap,
      allowance_gap: result.allowance_gap,
      retirement_gap: result.retirement_gap,
      inputs: INPUTS,
      summary: 'x',
    }
    keepLatestEarnings(saved)
    expect(JSON.parse(localStorage.getItem(LATEST_KEY)!)).toEqual(saved)
    expect(readLatestEarnings()).toEqual(saved)
  })

  it('reads nothing from an empty, broken or out-of-range entry', () => {
    expect(readLatestEarnings()).toBeNull()
    localStorage.setItem(LATEST_KEY, '{not json')
    expect(readLatestEarnings()).toBeNull()
    localStorage.setItem(LATEST_KEY, JSON.stringify({ total_gap: 1, inputs: { ...INPUTS, years: 99 } }))
    expect(readLatestEarnings()).toBeNull()
  })
})
