// The 1:1 brief's logic: the month whose saved time backs her up, the figures as she will
// read them, and the brief as the text she shares with her manager, in ja and en.
import { beforeEach, describe, expect, it, vi } from 'vitest'

import {
  briefText,
  earningsEvidence,
  evidenceMonth,
  findDraft,
  firstLine,
  goalDraftErrors,
  pickedGoals,
  readDraft,
  readEvidence,
  savedEvidence,
  savedInMonth,
  sheetSections,
  sortBriefs,
  writeDraft,
  writeEvidence,
  type BriefFields,
  type GoalFields,
} from '../../src/tools/brief'

const log = (date: string, minutes_saved: unknown, deleted = false) => ({ deleted, fields: { date, minutes_saved } })

const goal = (id: string, title: string, due: string, deleted = false) => ({
  id,
  deleted,
  fields: { title, due, category: 'role', status: 'open', progress: 0 } as GoalFields,
})

const BRIEF: BriefFields = {
  meeting_on: '2026-12-03',
  satisfaction: 2,
  wanted_work: '新規顧客向けの案件を担当したい\n（来期から）',
  time_plan: '午前を集中時間にする',
  company_benefit: '課長の負担が減る',
  asks: '',
  after_notes: '  ',
  goals: ['g2', 'g1'],
}

describe('the month of saved time', () => {
  it('is the month before the meeting once the meeting has passed', () => {
    expect(evidenceMonth('2026-11-24', '2026-09-15')).toBe('2026-08')
  })

  it('is the month before today while the meeting is still ahead', () => {
    expect(evidenceMonth('2026-11-24', '2026-12-03')).toBe('2026-10')
    expect(evidenceMonth('2026-11-24')).toBe('2026-10')
  })

  it('goes back into last year in January', () => {
    expect(evidenceMonth('2027-01-05', '2027-01-20')).toBe('2026-12')
  })

  it('adds up the minutes saved in that month only, leaving out deleted logs', () => {
    const logs = [
      log('2026-10-01', 30),
      log('2026-10-31', 45),
      log('2026-10-15', 60, true),
      log('2026-09-30', 100),
      log('2026-11-01', 100),
      log('2026-10-20', 0),
      log('2026-10-21', 'lots'),
    ]
    expect(savedInMonth(logs, '2026-10')).toEqual({ minutes: 75, entries: 2 })
    expect(savedInMonth([], '2026-10')).toEqual({ minutes: 0, entries: 0 })
  })
})

describe('the evidence lines', () => {
  it('words the saved time in her language', () => {
    const saved = { minutes: 390, entries: 3 }
    expect(savedEvidence('ja', '2026-10', saved)).toBe('2026年10月に業務改善で短縮した時間：6時間30分（記録3件）')
    expect(savedEvidence('en', '2026-10', saved)).toBe('Time saved by improvements in October 2026: 6 h 30 min (3 entries)')
    expect(savedEvidence('ja', '2026-10', { minutes: 45, entries: 1 })).toContain('：45分（')
  })

  it('rounds the earnings gap the way the calculator shows it', () => {
    const kept = { total_gap: 12_720_616, date: '2026-10-02' }
    expect(earningsEvidence('ja', kept)).toBe('今の働き方が続いた場合の生涯年収の差（2026年10月2日(金)の試算）：約1,272万円')
    expect(earningsEvidence('en', kept)).toMatch(/^Lifetime earnings gap .*2 Oct 2026.*about ¥12\.7M$/)
  })
})

describe('the goals on a brief', () => {
  it('keeps the picked goals that still exist, soonest deadline first', () => {
    const goals = [goal('g1', 'リーダーを任される', '2027-06-30'), goal('g2', '簿記2級', '2027-02-28'), goal('g3', '選んでいない', '2026-12-31'), goal('g4', '消した', '2026-12-01', true)]
    expect(pickedGoals(['g1', 'g2', 'g4', 'gone'], goals).map((g) => g.id)).toEqual(['g2', 'g1'])
  })

  it('asks for a title and a real due date before a goal is made', () => {
    expect(goalDraftErrors('  ', '')).toEqual({ title: 'required', due: 'date' })
    expect(goalDraftErrors('x'.repeat(201), '2027-02-30x')).toEqual({ title: 'too_long', due: 'date' })
    expect(goalDraftErrors('リーダーになる', '2027-06-30')).toEqual({})
  })
})

describe('the brief as text', () => {
  const input = {
    brief: BRIEF,
    goals: [
      { title: '簿記2級に合格する', due: '2027-02-28' },
      { title: 'リーダーを任される', due: '2027-06-30' },
    ],
    evidence: ['2026年10月に業務改善で短縮した時間：6時間30分（記録3件）'],
    name: '花子',
  }

  it('reads as the one-page brief in Japanese, blank parts left out', () => {
    expect(briefText('ja', input)).toBe(
      [
        '1on1メモ（2026年12月3日(木)）',
        '花子',
        '',
        '■ 今の仕事への満足度',
        '2 / 5（やや不満）',
        '',
        '■ 挑戦したい仕事',
        '新規顧客向けの案件を担当したい',
        '（来期から）',
        '',
        '■ 時間の使い方の計画',
        '午前を集中時間にする',
        '',
        '■ いつまでに、何を',
        '・2027年2月28日(日)までに：簿記2級に合格する',
        '・2027年6月30日(水)までに：リーダーを任される',
        '',
        '■ 会社にとっての利点',
        '課長の負担が減る',
        '',
        '■ 根拠になる数字',
        '・2026年10月に業務改善で短縮した時間：6時間30分（記録3件）',
        '',
      ].join('\n'),
    )
  })

  it('reads in English for an English speaker', () => {
    const text = briefText('en', { ...input, evidence: [] })
    expect(text.startsWith('1:1 brief (Thu, 3 Dec 2026)\n花子\n')).toBe(true)
    expect(text).toContain('■ Satisfaction with my current work\n2 / 5 (Somewhat dissatisfied)')
    expect(text).toContain('- By Sun, 28 Feb 2027: 簿記2級に合格する')
    expect(text).not.toContain('Figures')
    expect(text).not.toContain('What I ask for')
  })

  it('shows the after-meeting notes once there are some', () => {
    const sections = (notes: string) => sheetSections('ja', { ...input, brief: { ...BRIEF, after_notes: notes } }).map((s) => s.key)
    expect(sections('')).not.toContain('after')
    expect(sections('来月から企画会議に参加')).toEqual(['satisfaction', 'wanted', 'time', 'goals', 'benefit', 'evidence', 'after'])
  })
})

describe('the history', () => {
  it('lists the newest meeting first', () => {
    const b = (id: string, meeting_on: string, updated_at: string | null) => ({ id, fields: { meeting_on }, updated_at })
    const sorted = sortBriefs([b('a', '2026-10-01', 'x'), b('b', '2026-12-03', '2026-11-01T00:00:00Z'), b('c', '2026-12-03', null), b('d', '2026-11-15', 'x')])
    expect(sorted.map((r) => r.id)).toEqual(['c', 'b', 'd', 'a'])
  })

  it('shows the first written line of the wanted work', () => {
    expect(firstLine('\n  \n  リーダーを任されたい \n詳しく')).toBe('リーダーを任されたい')
    expect(firstLine(undefined)).toBe('')
  })
})

describe('what stays on this device', () => {
  beforeEach(() => {
    const store = new Map<string, string>()
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
      key: (n: number) => [...store.keys()][n] ?? null,
      get length() {
        return store.size
      },
    })
  })

  it('remembers the ticked figures per brief', () => {
    expect(readEvidence('b1')).toEqual({ earnings: false, saved: false })
    writeEvidence('b1', { earnings: true, saved: false })
    expect(readEvidence('b1')).toEqual({ earnings: true, saved: false })
    expect(readEvidence('b2')).toEqual({ earnings: false, saved: false })
    localStorage.setItem('ippo.brief.evidence.b3', '{broken')
    expect(readEvidence('b3')).toEqual({ earnings: false, saved: false })
  })

  it('keeps her draft until the brief can be saved, then forgets it', () => {
    localStorage.setItem('ippo.earnings.latest', '{}')
    expect(findDraft(7)).toBeNull()
    writeDraft('b1', 7, { wanted_work: 'リーダー' })
    expect(readDraft('b1', 7)).toEqual({ wanted_work: 'リーダー' })
    expect(findDraft(7)).toBe('b1')
    writeDraft('b1', 7, null)
    expect(readDraft('b1', 7)).toBeNull()
    expect(findDraft(7)).toBeNull()
  })

  it('never offers one user the draft of another on a shared device', () => {
    writeDraft('b1', 7, { asks: '会議に参加したい' })
    expect(readDraft('b1', 8)).toBeNull()
    expect(findDraft(8)).toBeNull()
  })
})
