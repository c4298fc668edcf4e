// The rules behind Today's cards: streaks and her recent tasks.
import { describe, expect, it } from 'vitest'

import { newestFirst, recentTasks, streakOf } from '../../src/rules/today'
import type { LocalRecord } from '../../src/types'

type Log = { date: string; task: string }

function log(id: string, date: string, task: string, updated_at: string | null = '2026-11-24T08:00:00Z'): LocalRecord<Log> {
  return { type: 'efficiency_log', id, version: 1, deleted: false, fields: { date, task }, updated_at, pending: updated_at === null }
}

describe('streakOf', () => {
  it('counts days in a row up to today, or up to yesterday while today is still open', () => {
    const done = new Set(['2026-11-22', '2026-11-23'])
    expect(streakOf(done, '2026-11-24')).toBe(2)
    expect(streakOf(new Set([...done, '2026-11-24']), '2026-11-24')).toBe(3)
    expect(streakOf(new Set(['2026-11-22']), '2026-11-24')).toBe(0)
  })

  it('runs across a month end', () => {
    expect(streakOf(new Set(['2026-11-30', '2026-12-01']), '2026-12-01')).toBe(2)
  })
})

describe('recentTasks', () => {
  it('gives her five newest distinct tasks, unsynced ones first within a day', () => {
    const logs = [
      log('a', '2026-11-20', '議事録'),
      log('b', '2026-11-24', '議事録 '),
      log('c', '2026-11-24', '月次レポート', null),
      log('d', '2026-11-23', '請求書'),
      log('e', '2026-11-22', '日報'),
      log('f', '2026-11-21', '  '),
      log('g', '2026-11-19', '会議準備'),
      log('h', '2026-11-18', '採用面接'),
    ]
    expect(recentTasks(logs).map((l) => l.id)).toEqual(['c', 'b', 'd', 'e', 'g'])
    expect([log('x', '2026-11-24', 'a', null), log('y', '2026-11-24', 'b')].sort(newestFirst)[0].id).toBe('x')
  })
})
