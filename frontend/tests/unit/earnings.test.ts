// The earnings-gap model against every shared vector in content/earnings_cases.json (the
// server's pytest runs the same file), plus the checks named in the issue.
import { describe, expect, it } from 'vitest'

import cases from '../../../content/earnings_cases.json'
import { checkEarnings, earningsGap, roundYen, type EarningsInput } from '../../src/tools/earnings'

interface Case {
  name: string
  input: EarningsInput
  expect: {
    pay_gap: number
    allowance_gap: number
    retirement_gap: number
    total_gap: number
    years: Array<{ year: number; normal: number; track: number; gap: number; cumulative: number }>
  }
}

const CASES = cases as Case[]

describe('earnings_cases.json', () => {
  it('has cases to run', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(2)
  })

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(checkEarnings(c.input)).toEqual([])
    expect(earningsGap(c.input)).toEqual(c.expect)
  })
})

describe('earningsGap', () => {
  const base: EarningsInput = {
    salary: 5_000_000,
    raise_pct: 2,
    track_raise_pct: 1,
    years: 20,
    track_years: 20,
    allowance: 0,
    allowance_from: 1,
    retirement_months: 0,
  }

  it('gives the issue’s two checks', () => {
    expect(earningsGap(base).pay_gap).toBe(12_720_616)
    expect(earningsGap({ ...base, salary: 4_800_000, raise_pct: 2.5, years: 25, track_years: 5 }).pay_gap).toBe(11_235_882)
  })

  it('counts the allowance for the years from allowance_from to N, both included', () => {
    const result = earningsGap({ ...base, allowance: 100_000, allowance_from: 18 })
    expect(result.allowance_gap).toBe(300_000)
    expect(result.total_gap).toBe(result.pay_gap + 300_000)
  })

  it('rounds only at output: the total is not the sum of rounded parts', () => {
    const result = earningsGap({ ...base, retirement_months: 7 })
    const exact = result.years.at(-1)!
    expect(result.retirement_gap).toBe(roundYen((7 * (exact.normal - exact.track)) / 12))
    expect(Math.abs(result.total_gap - (result.pay_gap + result.retirement_gap))).toBeLessThanOrEqual(1)
  })

  it('refuses inputs outside the API’s bounds', () => {
    expect(checkEarnings({ ...base, track_years: 21 }).map((p) => p.field)).toEqual(['track_years'])
    expect(checkEarnings({ ...base, allowance_from: 0 }).map((p) => p.field)).toEqual(['allowance_from'])
    expect(checkEarnings({ ...base, years: 46, track_years: 1 }).map((p) => p.field)).toEqual(['years'])
    expect(checkEarnings({ ...base, salary: 1.5 }).map((p) => p.field)).toEqual(['salary'])
    expect(checkEarnings({ ...base, raise_pct: Number.NaN }).map((p) => p.field)).toEqual(['raise_pct'])
    expect(() => earningsGap({ ...base, retirement_months: 61 })).toThrow(RangeError)
  })
})

describe('roundYen', () => {
  it('rounds halves away from zero', () => {
    expect(roundYen(2.5)).toBe(3)
    expect(roundYen(-2.5)).toBe(-3)
    expect(roundYen(-5208.5)).toBe(-5209)
    expect(roundYen(-0.4)).toBe(0)
    expect(Object.is(roundYen(-0.4), -0)).toBe(false)
  })
})
