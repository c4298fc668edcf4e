import { describe, expect, it } from 'vitest'

import { addDays, daysBetween, isDate, today, weekdayOf, weekStart } from '../../src/time'

describe('today', () => {
  it('is the date in her zone, not in UTC', () => {
    const evening = new Date('2026-11-23T20:00:00Z')
    expect(today('Asia/Tokyo', evening)).toBe('2026-11-24')
    expect(today('UTC', evening)).toBe('2026-11-23')
    expect(today('America/Los_Angeles', evening)).toBe('2026-11-23')
  })

  it('rolls over exactly at her midnight', () => {
    expect(today('Asia/Tokyo', new Date('2026-11-23T14:59:59Z'))).toBe('2026-11-23')
    expect(today('Asia/Tokyo', new Date('2026-11-23T15:00:00Z'))).toBe('2026-11-24')
  })

  it('falls back to Asia/Tokyo for a zone it does not know', () => {
    expect(today('Mars/Olympus', new Date('2026-11-23T20:00:00Z'))).toBe('2026-11-24')
  })

  it('uses the current time by default', () => {
    expect(isDate(today('Asia/Tokyo'))).toBe(true)
  })
})

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-11-24', 1)).toBe('2026-11-25')
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2026-11-24', -365)).toBe('2025-11-24')
  })

  it('is not moved by daylight saving time anywhere', () => {
    // 2026-03-08 and 2026-11-01 are DST changes in the US; dates must not notice.
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08')
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09')
    expect(addDays('2026-10-31', 2)).toBe('2026-11-02')
  })

  it('refuses what is not a date', () => {
    expect(() => addDays('24/11/2026', 1)).toThrow(RangeError)
  })
})

describe('weekdayOf', () => {
  it('counts from Monday = 0', () => {
    expect(weekdayOf('2026-11-23')).toBe(0) // a Monday
    expect(weekdayOf('2026-11-24')).toBe(1)
    expect(weekdayOf('2026-11-29')).toBe(6) // Sunday
  })
})

describe('daysBetween, weekStart and isDate', () => {
  it('works on plain dates', () => {
    expect(daysBetween('2026-11-20', '2026-11-24')).toBe(4)
    expect(daysBetween('2026-11-24', '2026-11-20')).toBe(-4)
    expect(weekStart('2026-11-29')).toBe('2026-11-23')
    expect(weekStart('2026-11-23')).toBe('2026-11-23')
    expect(isDate('2026-02-28')).toBe(true)
    expect(isDate('2026-02-30')).toBe(false)
    expect(isDate('2026-2-3')).toBe(false)
  })
})
