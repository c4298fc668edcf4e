// The weekly report's figures against every shared vector in content/report_cases.json (the
// server's pytest runs the same file), plus what only the phone has: pending entries.
import { describe, expect, it } from 'vitest'

import vectors from '../../../content/report_cases.json'
import {
  compareText,
  completionRate,
  currentWeek,
  isEmptyWeek,
  lastFullWeek,
  mailtoHref,
  parseWeek,
  reportText,
  shiftWeek,
  weekOf,
  weeklyFigures,
  type ReportRecords,
  type Tone,
  type WeeklyFigures,
} from '../../src/tools/report'
import { reportEn } from '../../src/i18n/report-en'
import { reportJa } from '../../src/i18n/report-ja'
import type { LocalRecord, RecordType } from '../../src/types'

interface VectorRecord {
  type: RecordType
  id: string
  fields: Record<string, unknown>
  updated_at: string
  deleted: boolean
}
interface Case {
  name: string
  records: string
  time_zone: string
  week: string
  expect: WeeklyFigures
}

const SETS = vectors.records as Record<string, VectorRecord[]>
const CASES = vectors.cases as unknown as Case[]
const TYPES = ['efficiency_log', 'learning_session', 'contact', 'checklist_item', 'check', 'goal'] as const

function asLocal(list: VectorRecord[]): ReportRecords {
  const out = Object.fromEntries(TYPES.map((type) => [type, [] as LocalRecord[]])) as unknown as Record<
    string,
    LocalRecord[]
  >
  for (const r of list) {
    out[r.type]?.push({ ...r, version: 1, pending: false })
  }
  return out as unknown as ReportRecords
}

const empty = (): ReportRecords => asLocal([])
const NOW = new Date('2026-12-01T00:00:00Z')

describe('report_cases.json', () => {
  it('has cases to run', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(5)
  })

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const week = parseWeek(c.week)
    expect(week).not.toBeNull()
    const figures = weeklyFigures(asLocal(SETS[c.records]), week!, c.time_zone, NOW)
    expect(figures).toEqual(c.expect)
  })
})

describe('ISO weeks', () => {
  it('names a week by its Monday and Sunday, across year ends', () => {
    expect(parseWeek('2026-W47')).toEqual({ key: '2026-W47', start: '2026-11-16', end: '2026-11-22' })
    expect(parseWeek('2026-W01')?.start).toBe('2025-12-29')
    expect(parseWeek('2026-W53')).toEqual({ key: '2026-W53', start: '2026-12-28', end: '2027-01-03' })
    expect(weekOf('2027-01-03').key).toBe('2026-W53')
    expect(weekOf('2027-01-04').key).toBe('2027-W01')
  })

  it('refuses weeks that do not exist, as the server does', () => {
    for (const bad of ['2026-W54', '2026-W00', '2027-W53', '2026W47', '2026-w47', '47', '', '1999-W10', '3000-W01']) {
      expect(parseWeek(bad)).toBeNull()
    }
  })

  it('defaults to the last full week in her zone', () => {
    // Sunday 15:30 UTC is already Monday 00:30 in Tokyo.
    const now = new Date('2026-11-22T15:30:00Z')
    expect(lastFullWeek('Asia/Tokyo', now).key).toBe('2026-W47')
    expect(lastFullWeek('UTC', now).key).toBe('2026-W46')
    expect(currentWeek('Asia/Tokyo', now).key).toBe('2026-W48')
    expect(shiftWeek(parseWeek('2026-W53')!, 1).key).toBe('2027-W01')
    expect(shiftWeek(parseWeek('2027-W01')!, -1).key).toBe('2026-W53')
  })
})

describe('figures only the phone sees', () => {
  const week = parseWeek('2026-W48')!
  const now = new Date('2026-11-25T03:00:00Z') // Wednesday noon in Tokyo

  it('counts entries still waiting to sync, and a goal edited offline as changed now', () => {
    const records = empty()
    records.efficiency_log.push({
      type: 'efficiency_log',
      id: 'a',
      version: 0,
      deleted: false,
      pending: true,
      updated_at: null,
      fields: { date: '2026-11-24', task: '議事録', minutes_spent: 30, minutes_saved: 15, improvement: 'AIで下書き' },
    })
    records.goal.push({
      type: 'goal',
      id: 'g',
      version: 3,
      deleted: false,
      pending: true,
      updated_at: '2026-10-01T00:00:00Z', // the server's time of an older version
      fields: { title: '簿記2級', due: '2027-02-28', status: 'open', progress: 20 },
    })
    const figures = weeklyFigures(records, week, 'Asia/Tokyo', now)
    expect(figures.tasks_logged).toBe(1)
    expect(figures.minutes_saved).toBe(15)
    expect(figures.top_improvements).toEqual([
      { improvement: 'AIで下書き', task: '議事録', minutes_saved: 15, entries: 1 },
    ])
    expect(figures.goals.map((g) => g.title)).toEqual(['簿記2級'])
    expect(isEmptyWeek(figures)).toBe(false)
  })

  it('leaves out an item archived offline this week, and its ticks from the rate', () => {
    const records = empty()
    const item = (id: string, archived: boolean): LocalRecord<{ archived: boolean }> => ({
      type: 'checklist_item',
      id,
      version: 1,
      deleted: false,
      pending: archived,
      updated_at: '2026-11-01T00:00:00Z',
      fields: { archived },
    })
    records.checklist_item.push(item('keep', false), item('gone', true))
    for (const [id, date] of [
      ['keep', '2026-11-23'],
      ['keep', '2026-11-24'],
      ['gone', '2026-11-23'],
    ]) {
      records.check.push({
        type: 'check',
        id: `${id}${date}`,
        version: 1,
        deleted: false,
        pending: false,
        updated_at: '2026-11-24T00:00:00Z',
        fields: { item: id, date, done: true },
      })
    }
    const figures = weeklyFigures(records, week, 'Asia/Tokyo', now)
    expect(figures.checks_done).toBe(3)
    expect(figures.checklist_items).toBe(1)
    expect(figures.completion_rate).toBe(completionRate(2, 1))
    // A week already over when she archived it still had the item on the list.
    expect(weeklyFigures(records, shiftWeek(week, -1), 'Asia/Tokyo', now).checklist_items).toBe(2)
  })

  it('reports an empty week as empty', () => {
    expect(isEmptyWeek(weeklyFigures(empty(), week, 'Asia/Tokyo', now))).toBe(true)
  })
})

describe('helpers', () => {
  it('rounds the completion rate half up to four places, 0 without items', () => {
    expect(completionRate(3, 0)).toBe(0)
    expect(completionRate(7, 1)).toBe(1)
    expect(completionRate(1, 3)).toBe(0.0476)
    expect(completionRate(2, 1)).toBe(0.2857)
  })

  it('orders text by code point as Python does', () => {
    expect(compareText('tickets', '時間')).toBeLessThan(0)
    // U+FF5E sorts before an emoji (U+1F600) by code point, but after it by UTF-16 unit.
    expect(compareText('～', '😀')).toBeLessThan(0)
    expect(compareText('ab', 'a')).toBeGreaterThan(0)
  })
})

describe('the report text', () => {
  const c = CASES[0]
  const figures = weeklyFigures(asLocal(SETS[c.records]), parseWeek(c.week)!, c.time_zone, NOW)
  const speaker = (dict: Record<string, string>) => (key: string, vars: Record<string, string | number> = {}) =>
    dict[key].replace(/\{(\w+)\}/g, (_m, name: string) => String(vars[name]))
  const options = (dict: Record<string, string>, tone: Tone, nextWeek = '') => ({
    tone,
    nextWeek,
    tasks: [{ task: '資料作成', minutes: 180, entries: 2 }],
    say: speaker(dict),
    minutes: (m: number) => `${m}min`,
    number: (n: number) => String(n),
    day: (d: string) => d,
  })

  it('says what she did, what she saved and how, with units, in Japanese', () => {
    const text = reportText(figures, options(reportJa, 'attack', '自動化を隣のチームに紹介する'))
    expect(text).toContain('週報（2026-11-16〜2026-11-22）')
    expect(text).toContain('・記録した業務：9件、合計520min')
    expect(text).toContain('・成果：3.3件、4tickets、1.5時間')
    expect(text).toContain('■ 効率化：合計170minの短縮')
    expect(text).toContain('・マクロで自動化（月次レポート）：70min短縮')
    expect(text).toContain('■ 学び：50min（2回）')
    expect(text).toContain('■ 毎日のチェック：6回達成（達成率23.8%）')
    expect(text).toContain('・progress-sunday-23:59-tokyo（進み具合40%）')
    expect(text.endsWith('■ 来週の予定\n自動化を隣のチームに紹介する')).toBe(true)
    expect(text).toContain(reportJa['report.tone.attack'])
  })

  it('speaks of being on plan in defence mode, in English too', () => {
    const text = reportText(figures, options(reportEn, 'defence'))
    expect(text).toContain(reportEn['report.tone.defence'])
    expect(text).not.toContain(reportEn['report.tone.attack'])
    expect(text).toContain('- Outcomes: 3.3 件, 4 tickets, 1.5 時間')
    expect(text).not.toContain('Next week') // no plan written, no empty heading
  })

  it('builds a mailto link that keeps Japanese and line breaks', () => {
    const href = mailtoHref('週報', '一行目\n二行目')
    expect(href).toBe(`mailto:?subject=${encodeURIComponent('週報')}&body=${encodeURIComponent('一行目\n二行目')}`)
    expect(decodeURIComponent(href.split('body=')[1])).toBe('一行目\n二行目')
  })
})
