// Career mode rules: which period is current, when Today reminds her to choose the next.
import { describe, expect, it } from 'vitest'

import { checkPeriod, currentMode, modeHistory, modeReminder, nextStart, toneOn, yearsLater } from '../../src/tools/mode'
import { isDate } from '../../src/time'

function period(id: string, mode: 'attack' | 'defence', starts: string, ends: string, deleted = false) {
  return { id, deleted, fields: { mode, starts, ends, purpose: '', focus: '' } }
}

describe('currentMode', () => {
  const defence = period('d', 'defence', '2025-04-01', '2027-03-31')
  const attack = period('a', 'attack', '2026-10-01', '2026-12-31')

  it('is the period whose dates include the day, the first and last days too', () => {
    expect(currentMode([defence], '2025-04-01')?.id).toBe('d')
    expect(currentMode([defence], '2027-03-31')?.id).toBe('d')
    expect(currentMode([defence], '2027-04-01')).toBeUndefined()
    expect(currentMode([defence], '2025-03-31')).toBeUndefined()
  })

  it('prefers the latest started when periods overlap, and skips deleted ones', () => {
    expect(currentMode([defence, attack], '2026-11-24')?.id).toBe('a')
    expect(currentMode([defence, { ...attack, deleted: true }], '2026-11-24')?.id).toBe('d')
    expect(currentMode(null, '2026-11-24')).toBeUndefined()
  })

  it("sets the app's voice: the current period's mode, neutral outside every period", () => {
    expect(toneOn([defence, attack], '2026-11-24')).toBe('attack')
    expect(toneOn([defence, attack], '2027-01-01')).toBe('defence')
    expect(toneOn([defence, attack], '2027-04-01')).toBe('neutral')
    expect(toneOn(null, '2026-11-24')).toBe('neutral')
  })

  it('lists the history latest start first', () => {
    expect(modeHistory([defence, attack]).map((m) => m.id)).toEqual(['a', 'd'])
  })
})

describe('modeReminder', () => {
  const defence = period('d', 'defence', '2025-04-01', '2026-11-30')

  it('is quiet more than 7 days before the end', () => {
    expect(modeReminder([defence], '2026-11-22')).toBeNull()
  })

  it('reminds from 7 days before the end to the last day', () => {
    expect(modeReminder([defence], '2026-11-23')).toMatchObject({ kind: 'ending', daysLeft: 7, record: { id: 'd' } })
    expect(modeReminder([defence], '2026-11-30')).toMatchObject({ kind: 'ending', daysLeft: 0 })
  })

  it('keeps reminding for a month after the end when nothing follows', () => {
    expect(modeReminder([defence], '2026-12-01')).toMatchObject({ kind: 'ended', daysLeft: -1 })
    expect(modeReminder([defence], '2026-12-30')).toMatchObject({ kind: 'ended', daysLeft: -30 })
    expect(modeReminder([defence], '2026-12-31')).toBeNull()
  })

  it('stops once the next period is planned or running', () => {
    const next = period('n', 'attack', '2026-12-01', '2027-11-30')
    expect(modeReminder([defence, next], '2026-11-25')).toBeNull()
    expect(modeReminder([defence, next], '2026-12-05')).toBeNull()
  })

  it('has nothing to say without any period', () => {
    expect(modeReminder([], '2026-11-25')).toBeNull()
  })
})

describe('new periods', () => {
  it('start the day after the current one ends, or today', () => {
    expect(nextStart([period('d', 'defence', '2025-04-01', '2026-11-30')], '2026-11-25')).toBe('2026-12-01')
    expect(nextStart([], '2026-11-25')).toBe('2026-11-25')
  })

  it('run a year by default, 29 February landing on 28 February', () => {
    expect(yearsLater('2026-12-01', 1)).toBe('2027-12-01')
    expect(yearsLater('2028-02-29', 1)).toBe('2029-02-28')
  })

  it('must end on or after the day they start, as the server checks', () => {
    const base = { starts: '2026-12-01', ends: '2026-12-01', purpose: '', focus: '' }
    expect(checkPeriod(base, isDate)).toEqual({})
    expect(checkPeriod({ ...base, ends: '2026-11-30' }, isDate)).toEqual({ ends: 'ends_before' })
    expect(checkPeriod({ ...base, starts: '2026-02-30' }, isDate)).toEqual({ starts: 'starts' })
    expect(checkPeriod({ ...base, purpose: 'あ'.repeat(501) }, isDate)).toEqual({ purpose: 'purpose' })
  })
})
