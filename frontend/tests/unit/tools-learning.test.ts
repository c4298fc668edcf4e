import { describe, expect, it } from 'vitest'

import { certificationProgress, learningTotals, linkedMinutes, minutesIn, monthOf, newestSessions, weekOf } from '../../src/tools/learning'
import { today } from '../../src/time'

function session(id: string, date: string, minutes: number, goal: string | null = null, updated_at: string | null = null) {
  return { id, updated_at, fields: { date, minutes, goal } }
}

describe('weekOf and monthOf', () => {
  it('runs a week from Monday to Sunday', () => {
    expect(weekOf('2026-11-24')).toEqual({ start: '2026-11-23', end: '2026-11-29' })
    expect(weekOf('2026-11-23')).toEqual({ start: '2026-11-23', end: '2026-11-29' })
    expect(weekOf('2026-11-29')).toEqual({ start: '2026-11-23', end: '2026-11-29' })
    expect(weekOf('2026-12-31')).toEqual({ start: '2026-12-28', end: '2027-01-03' })
  })

  it('runs a month from the 1st to its last day, leap years included', () => {
    expect(monthOf('2026-11-24')).toEqual({ start: '2026-11-01', end: '2026-11-30' })
    expect(monthOf('2028-02-10')).toEqual({ start: '2028-02-01', end: '2028-02-29' })
    expect(monthOf('2026-12-31')).toEqual({ start: '2026-12-01', end: '2026-12-31' })
  })
})

describe('learningTotals', () => {
  const sessions = [
    session('sun-before', '2026-11-22', 15), // last week's Sunday
    session('mon', '2026-11-23', 20),
    session('tue', '2026-11-24', 30),
    session('sun', '2026-11-29', 10),
    session('next-mon', '2026-11-30', 40), // next week, same month
    session('oct', '2026-10-31', 50),
  ]

  it('sums this week (Monday to Sunday) and this month', () => {
    expect(learningTotals(sessions, '2026-11-24')).toEqual({ week: 60, weekSessions: 3, month: 115, monthSessions: 5 })
  })

  it('starts a new week on Monday even mid-month', () => {
    expect(learningTotals(sessions, '2026-11-30')).toMatchObject({ week: 40, month: 115 })
  })

  it('is zero for an empty log', () => {
    expect(learningTotals([], '2026-11-24')).toEqual({ week: 0, weekSessions: 0, month: 0, monthSessions: 0 })
  })

  it('counts by her calendar day: late evening in Tokyo is already tomorrow', () => {
    const day = today('Asia/Tokyo', new Date('2026-11-29T15:30:00Z')) // Monday 00:30 in Tokyo
    expect(day).toBe('2026-11-30')
    expect(learningTotals(sessions, day).week).toBe(40)
    expect(learningTotals(sessions, today('UTC', new Date('2026-11-29T15:30:00Z'))).week).toBe(60)
  })

  it('ignores minutes that are not a positive number', () => {
    expect(minutesIn([session('a', '2026-11-24', Number.NaN), session('b', '2026-11-24', 5)], weekOf('2026-11-24'))).toBe(5)
  })
})

describe('certificationProgress', () => {
  const goals = [
    { id: 'boki', fields: { category: 'certification', status: 'open', due: '2027-02-01' } },
    { id: 'toeic', fields: { category: 'certification', status: 'open', due: '2026-12-20' } },
    { id: 'old', fields: { category: 'certification', status: 'done', due: '2026-06-01' } },
    { id: 'lead', fields: { category: 'role', status: 'open', due: '2026-12-01' } },
  ] as const

  it('gives each certification goal its linked minutes this month and in total', () => {
    const sessions = [
      session('1', '2026-11-02', 30, 'boki'),
      session('2', '2026-10-20', 45, 'boki'),
      session('3', '2026-11-24', 25, 'toeic'),
      session('4', '2026-11-24', 60, 'lead'),
      session('5', '2026-11-24', 15, null),
    ]
    const rows = certificationProgress(goals, sessions, '2026-11-24')
    expect(rows.map((r) => [r.goal.id, r.month, r.total, r.sessions])).toEqual([
      ['toeic', 25, 25, 1],
      ['boki', 30, 75, 2],
      ['old', 0, 0, 0],
    ])
  })
})

describe('newestSessions', () => {
  it('puts the latest date first and, within a day, the unsynced ones first', () => {
    const rows = newestSessions([
      session('a', '2026-11-23', 5, null, '2026-11-23T01:00:00Z'),
      session('b', '2026-11-24', 5, null, '2026-11-24T01:00:00Z'),
      session('c', '2026-11-24', 5, null, null),
      session('d', '2026-11-24', 5, null, '2026-11-24T02:00:00Z'),
    ])
    expect(rows.map((r) => r.id)).toEqual(['c', 'd', 'b', 'a'])
  })
})

describe('linkedMinutes', () => {
  it('sums one goal’s sessions, this month and in all, and is zero for a goal with none', () => {
    const sessions = [session('1', '2026-11-02', 30, 'g'), session('2', '2026-09-20', 45, 'g'), session('3', '2026-11-03', 99, 'h')]
    expect(linkedMinutes(sessions, 'g', '2026-11-24')).toEqual({ month: 30, total: 75, sessions: 2 })
    expect(linkedMinutes(sessions, 'none', '2026-11-24')).toEqual({ month: 0, total: 0, sessions: 0 })
  })
})
