import { describe, expect, it } from 'vitest'

import { bucketGoals, bucketOf, clampProgress, daysLeft, openGoals, type GoalFields } from '../../src/tools/goals'

const DAY = '2026-11-24'

function goal(id: string, due: string, status: GoalFields['status'] = 'open', title = id) {
  return { id, fields: { title, due, status } }
}

describe('bucketOf', () => {
  it('puts an open goal due before today in "overdue"', () => {
    expect(bucketOf({ status: 'open', due: '2026-11-23' }, DAY)).toBe('overdue')
  })

  it('counts today and the next 14 days as "due soon"', () => {
    expect(bucketOf({ status: 'open', due: DAY }, DAY)).toBe('soon')
    expect(bucketOf({ status: 'open', due: '2026-12-08' }, DAY)).toBe('soon')
    expect(bucketOf({ status: 'open', due: '2026-12-09' }, DAY)).toBe('open')
  })

  it('files done and dropped goals as closed, even when their date has passed', () => {
    expect(bucketOf({ status: 'done', due: '2026-01-01' }, DAY)).toBe('closed')
    expect(bucketOf({ status: 'dropped', due: '2026-11-25' }, DAY)).toBe('closed')
  })

  it('follows her calendar day across a month and a year end', () => {
    expect(bucketOf({ status: 'open', due: '2027-01-01' }, '2026-12-31')).toBe('soon')
    expect(bucketOf({ status: 'open', due: '2026-12-31' }, '2027-01-01')).toBe('overdue')
  })
})

describe('bucketGoals', () => {
  it('sorts open lists nearest first and closed ones latest first', () => {
    const lists = bucketGoals(
      [
        goal('late2', '2026-11-20'),
        goal('late1', '2026-10-01'),
        goal('soon2', '2026-12-01'),
        goal('soon1', '2026-11-25'),
        goal('far', '2027-06-01'),
        goal('doneOld', '2026-01-10', 'done'),
        goal('doneNew', '2026-11-01', 'done'),
        goal('dropped', '2026-12-30', 'dropped'),
      ],
      DAY,
    )
    expect(lists.overdue.map((g) => g.id)).toEqual(['late1', 'late2'])
    expect(lists.soon.map((g) => g.id)).toEqual(['soon1', 'soon2'])
    expect(lists.open.map((g) => g.id)).toEqual(['far'])
    expect(lists.closed.map((g) => g.id)).toEqual(['dropped', 'doneNew', 'doneOld'])
  })

  it('gives four empty lists for no goals', () => {
    expect(bucketGoals([], DAY)).toEqual({ overdue: [], soon: [], open: [], closed: [] })
  })
})

describe('daysLeft and clampProgress', () => {
  it('counts days to the due date, negative once past', () => {
    expect(daysLeft('2026-12-01', DAY)).toBe(7)
    expect(daysLeft('2026-11-21', DAY)).toBe(-3)
  })

  it('keeps progress a whole number from 0 to 100', () => {
    expect(clampProgress('45')).toBe(45)
    expect(clampProgress(120)).toBe(100)
    expect(clampProgress(-5)).toBe(0)
    expect(clampProgress(33.6)).toBe(34)
    expect(clampProgress('abc')).toBe(0)
  })
})

describe('openGoals', () => {
  it('keeps only open goals, nearest due first', () => {
    const picked = openGoals([goal('b', '2027-01-01'), goal('x', '2026-12-01', 'done'), goal('a', '2026-12-15')])
    expect(picked.map((g) => g.id)).toEqual(['a', 'b'])
  })
})
