// The monthly summaries' rules: month keys, numbers, and which way a change counts —
// including the self-check, where a lower score (fewer signs) is the good direction.
import { afterEach, describe, expect, it, vi } from 'vitest'

import {
  barPercents,
  changeFrom,
  compare,
  formatMonth,
  formatNumber,
  isCompared,
  isMonthKey,
  monthBefore,
  roundTo,
  wholeMinutes,
} from '../../src/summaries/compare'

afterEach(() => vi.unstubAllGlobals())

describe('month keys', () => {
  it('accepts YYYY-MM and nothing else', () => {
    expect(isMonthKey('2026-11')).toBe(true)
    expect(isMonthKey('2026-01')).toBe(true)
    for (const bad of ['2026-13', '2026-00', '2026-1', '2026-11-01', '26-11', '', 'latest', '../x']) {
      expect(isMonthKey(bad), bad).toBe(false)
    }
  })

  it('finds the month before a date, across the new year', () => {
    expect(monthBefore('2026-12-01')).toBe('2026-11')
    expect(monthBefore('2026-12-31')).toBe('2026-11')
    expect(monthBefore('2027-01-01')).toBe('2026-12')
    expect(monthBefore('2026-10-15')).toBe('2026-09')
  })

  it('names a month in Japanese and in English', () => {
    expect(formatMonth('2026-11', 'ja')).toBe('2026年11月')
    expect(formatMonth('2026-11', 'en')).toBe('November 2026')
    expect(formatMonth('nonsense', 'en')).toBe('nonsense')
  })
})

describe('numbers', () => {
  it('groups thousands and keeps at most the asked decimals', () => {
    expect(formatNumber(1234.56, 'en', 1)).toBe('1,234.6')
    expect(formatNumber(2, 'ja', 1)).toBe('2')
    expect(formatNumber(0.25, 'ja', 2)).toBe('0.25')
  })

  it('rounds half away from zero without float dust', () => {
    expect(roundTo(0.1 + 0.2, 1)).toBe(0.3)
    expect(roundTo(1.005, 2)).toBe(1.01)
    expect(roundTo(-1.25, 1)).toBe(-1.3)
    expect(roundTo(2.449, 1)).toBe(2.4)
  })

  it('shows an average of minutes as whole minutes', () => {
    expect(wholeMinutes(33.3)).toBe(33)
    expect(wholeMinutes(10.5)).toBe(11)
    expect(wholeMinutes(-1)).toBe(0)
  })
})

describe('changes', () => {
  it('calls a rise good and a drop bad when higher is better', () => {
    expect(changeFrom(45, 30)).toEqual({ direction: 'up', amount: 15, verdict: 'good' })
    expect(changeFrom(20, 30)).toEqual({ direction: 'down', amount: 10, verdict: 'bad' })
    expect(changeFrom(30, 30)).toEqual({ direction: 'same', amount: 0, verdict: 'neutral' })
  })

  it('calls a lower self-check score good: fewer signs', () => {
    expect(changeFrom(40, 55, { better: 'lower' })).toEqual({ direction: 'down', amount: 15, verdict: 'good' })
    expect(changeFrom(60, 55, { better: 'lower' })).toEqual({ direction: 'up', amount: 5, verdict: 'bad' })
  })

  it('never calls a drop bad in her defence period', () => {
    expect(changeFrom(2, 8, { gentle: true })).toEqual({ direction: 'down', amount: 6, verdict: 'neutral' })
    expect(changeFrom(8, 2, { gentle: true })?.verdict).toBe('good')
  })

  it('has no verdict for figures that are neither good nor bad (time spent, follow-ups)', () => {
    expect(changeFrom(300, 200, { better: 'neither' })).toEqual({ direction: 'up', amount: 100, verdict: 'neutral' })
  })

  it('has nothing to compare before her account existed', () => {
    expect(changeFrom(5, null)).toBeNull()
    expect(compare({ value: 5, prev: null, avg3: null })).toEqual({ prev: null, avg: null })
  })

  it('compares with last month and with the 3-month average, rounded to the figure', () => {
    const { prev, avg } = compare({ value: 0.8, prev: 0.5, avg3: 0.6 }, { digits: 1 })
    expect(prev).toEqual({ direction: 'up', amount: 0.3, verdict: 'good' })
    expect(avg).toEqual({ direction: 'up', amount: 0.2, verdict: 'good' })
    expect(changeFrom(72.5, 72.46, { digits: 1 })?.direction).toBe('same')
  })

  it('recognises a compared figure and refuses anything else', () => {
    expect(isCompared({ value: 1, prev: null, avg3: 0.5 })).toBe(true)
    expect(isCompared({ value: 1 })).toBe(false)
    expect(isCompared({ value: '1', prev: 0, avg3: 0 })).toBe(false)
    expect(isCompared(null)).toBe(false)
    expect(isCompared(3)).toBe(false)
  })
})

describe('bars', () => {
  it('scales each bar to the largest value', () => {
    expect(barPercents([30, 60, 0, null])).toEqual([50, 100, 0, 0])
    expect(barPercents([1, 3])).toEqual([33.3, 100])
  })

  it('draws no bar when every value is zero or missing', () => {
    expect(barPercents([0, 0, null])).toEqual([0, 0, 0])
    expect(barPercents([])).toEqual([])
  })
})

describe('how figures read', () => {
  it('words numbers, durations and percentages in Japanese by default', async () => {
    const { show } = await import('../../src/summaries/parts')
    expect(show('count', 3)).toBe('3件')
    expect(show('minutes', 90)).toBe('1時間30分')
    expect(show('minutes', 33.3)).toBe('33分')
    expect(show('percent', 72.5)).toBe('72.5%')
    expect(show('hours', 2.5)).toBe('2.5時間')
    expect(show('days', 1)).toBe('1日')
  })

  it('and in English once she has chosen it', async () => {
    vi.stubGlobal('document', { documentElement: {} })
    const i18n = await import('../../src/i18n')
    const { show } = await import('../../src/summaries/parts')
    i18n.setLang('en')
    try {
      expect(show('days', 1)).toBe('1 day')
      expect(show('days', 4)).toBe('4 days')
      expect(show('minutes', 45)).toBe('45 min')
      expect(show('count', 1234)).toBe('1,234')
    } finally {
      i18n.setLang('ja')
    }
  })
})
