// The 1:1 brief's logic, free of UI: the record's shape, the evidence figures (last
// month's saved time, the kept earnings gap), the goals in "by when, what" form, and the
// brief as plain text for email or chat. Every function takes the language explicitly,
// so the same brief reads the same wherever it is rendered (and the tests need no DOM).
import type { SavedEarnings } from './earnings-latest'
import { roughYen } from './yen'
import { briefEn } from '../i18n/brief-en'
import { briefJa, type BriefKey } from '../i18n/brief-ja'
import { RECORD_FIELDS, type RecordFields } from '../gen/records'
import type { LocalRecord } from '../types'

export type Lang = 'ja' | 'en'

/** The meeting_brief record's fields (generated from server/journal/records.py). */
export type BriefFields = RecordFields['meeting_brief']

export type BriefText = 'wanted_work' | 'time_plan' | 'company_benefit' | 'asks' | 'after_notes'

export type GoalFields = Pick<RecordFields['goal'], 'title' | 'category' | 'due' | 'status' | 'progress'>

// The server's bounds (generated from server/journal/records.py).
export const TEXT_MAX = RECORD_FIELDS.meeting_brief.wanted_work.maxLength
export const GOAL_TITLE_MAX = RECORD_FIELDS.goal.title.maxLength
export const GOALS_MAX = RECORD_FIELDS.meeting_brief.goals.maxItems
const { min: LEAST, max: MOST } = RECORD_FIELDS.meeting_brief.satisfaction
export const SATISFACTION = Array.from({ length: MOST - LEAST + 1 }, (_, i) => LEAST + i)
export { GOAL_CATEGORIES } from './goals'

const DICTS: Record<Lang, Record<BriefKey, string>> = { ja: briefJa, en: briefEn }
const LOCALES: Record<Lang, string> = { ja: 'ja-JP', en: 'en-GB' }

/** The brief's message in `lang`, with {name} placeholders filled. */
export function msg(lang: Lang, key: BriefKey, vars: Record<string, string | number> = {}): string {
  return DICTS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
}

function utcDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d))
}

/** "2026年11月24日(火)" / "Tue 24 Nov 2026" for a calendar day. */
export function dayLabel(lang: Lang, date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date
  return new Intl.DateTimeFormat(LOCALES[lang], {
    year: 'numeric',
    month: lang === 'ja' ? 'long' : 'short',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  }).format(utcDate(date))
}

/** "2026年10月" / "October 2026" for "2026-10". */
export function monthLabel(lang: Lang, month: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    utcDate(`${month}-01`),
  )
}

/** 390 → "6時間30分" / "6 h 30 min". */
export function minutesLabel(lang: Lang, total: number): string {
  const h = Math.floor(total / 60)
  const m = total % 60
  if (lang === 'ja') return h && m ? `${h}時間${m}分` : h ? `${h}時間` : `${m}分`
  return h && m ? `${h} h ${m} min` : h ? `${h} h` : `${m} min`
}

/**
 * The calendar month whose saved time backs up the brief: the month before the meeting,
 * or before today when the meeting is still ahead (a month not yet over is no evidence).
 */
export function evidenceMonth(today: string, meetingOn?: string): string {
  const ref = meetingOn && /^\d{4}-\d{2}-\d{2}$/.test(meetingOn) && meetingOn < today ? meetingOn : today
  const [y, m] = ref.split('-').map(Number)
  const prev = m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 }
  return `${String(prev.y).padStart(4, '0')}-${String(prev.m).padStart(2, '0')}`
}

/** Minutes saved in a month ("YYYY-MM", her calendar), over the live efficiency logs. */
export function savedInMonth(
  logs: readonly Pick<LocalRecord<{ date?: unknown; minutes_saved?: unknown }>, 'deleted' | 'fields'>[],
  month: string,
): { minutes: number; entries: number } {
  let minutes = 0
  let entries = 0
  for (const log of logs) {
    const { date, minutes_saved: saved } = log.fields
    if (log.deleted || typeof date !== 'string' || !date.startsWith(`${month}-`)) continue
    const n = typeof saved === 'number' ? saved : Number(saved)
    if (!Number.isFinite(n) || n <= 0) continue
    minutes += n
    entries += 1
  }
  return { minutes, entries }
}

export function savedEvidence(lang: Lang, month: string, saved: { minutes: number; entries: number }): string {
  return msg(lang, 'brief.ev_saved_text', {
    month: monthLabel(lang, month),
    time: minutesLabel(lang, saved.minutes),
    n: saved.entries,
  })
}

export function earningsEvidence(lang: Lang, saved: Pick<SavedEarnings, 'total_gap' | 'date'>): string {
  return msg(lang, 'brief.ev_earnings_text', { amount: roughYen(saved.total_gap, lang), date: dayLabel(lang, saved.date) })
}

/** The brief's goals that still exist, soonest deadline first. */
export function pickedGoals<G extends { id: string; fields: GoalFields; deleted?: boolean }>(ids: readonly string[], goals: readonly G[]): G[] {
  const wanted = new Set(ids)
  return goals
    .filter((g) => wanted.has(g.id) && !g.deleted)
    .sort((a, b) => (a.fields.due || '').localeCompare(b.fields.due || '') || a.fields.title.localeCompare(b.fields.title))
}

/** "2027年5月31日(月)までに：…" / "By Mon 31 May 2027: …" */
export function goalLine(lang: Lang, goal: Pick<GoalFields, 'due' | 'title'>): string {
  return msg(lang, 'brief.goal_line', { due: dayLabel(lang, goal.due), title: goal.title.trim() })
}

/** The first non-blank line, for the history list. */
export function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n').map((line) => line.trim()).find(Boolean) ?? ''
}

export function satisfactionLabel(lang: Lang, n: number): string {
  const key = `brief.sat_${n}` as BriefKey
  return key in DICTS[lang] ? msg(lang, key) : String(n)
}

/** Newest meeting first; among one day's briefs the most recently changed first. */
export function sortBriefs<R extends { fields: Partial<BriefFields>; updated_at: string | null }>(briefs: readonly R[]): R[] {
  return [...briefs].sort(
    (a, b) =>
      (b.fields.meeting_on ?? '').localeCompare(a.fields.meeting_on ?? '') ||
      (b.updated_at ?? '\uffff').localeCompare(a.updated_at ?? '\uffff'),
  )
}

export interface SheetInput {
  brief: Partial<BriefFields>
  /** Picked goals, in the order they are shown. */
  goals: readonly Pick<GoalFields, 'due' | 'title'>[]
  /** Evidence lines she chose to include, already worded. */
  evidence: readonly string[]
  /** Her name, shown under the title. */
  name?: string
}

/** The sheet's sections in reading order; blank free-text sections are left out. */
export function sheetSections(lang: Lang, input: SheetInput): { key: string; heading: string; lines: string[]; list?: boolean }[] {
  const b = input.brief
  const text = (value: string | undefined) => (value ?? '').trim()
  const out: { key: string; heading: string; lines: string[]; list?: boolean }[] = []
  if (b.satisfaction) {
    out.push({
      key: 'satisfaction',
      heading: msg(lang, 'brief.h_satisfaction'),
      lines: [msg(lang, 'brief.sat_value', { n: b.satisfaction, label: satisfactionLabel(lang, b.satisfaction) })],
    })
  }
  const add = (key: string, heading: BriefKey, value: string | undefined) => {
    if (text(value)) out.push({ key, heading: msg(lang, heading), lines: [text(value)] })
  }
  add('wanted', 'brief.h_wanted', b.wanted_work)
  add('time', 'brief.h_time', b.time_plan)
  if (input.goals.length) {
    out.push({ key: 'goals', heading: msg(lang, 'brief.h_goals'), lines: input.goals.map((g) => goalLine(lang, g)), list: true })
  }
  add('benefit', 'brief.h_benefit', b.company_benefit)
  add('asks', 'brief.h_asks', b.asks)
  if (input.evidence.length) out.push({ key: 'evidence', heading: msg(lang, 'brief.h_evidence'), lines: [...input.evidence], list: true })
  add('after', 'brief.h_after', b.after_notes)
  return out
}

/** The brief as plain text for email or chat, in `lang`. */
export function briefText(lang: Lang, input: SheetInput): string {
  const title = msg(lang, 'brief.text_title', { date: input.brief.meeting_on ? dayLabel(lang, input.brief.meeting_on) : '' })
  const head = input.name?.trim() ? `${title}\n${input.name.trim()}` : title
  const blocks = sheetSections(lang, input).map((section) => {
    const body = section.list ? section.lines.map((line) => msg(lang, 'brief.text_item', { text: line })) : section.lines
    return [msg(lang, 'brief.text_heading', { h: section.heading }), ...body].join('\n')
  })
  return [head, ...blocks].join('\n\n') + '\n'
}

/** Which optional figures she ticked for one brief (kept on this device, by brief id). */
export interface EvidenceChoice {
  earnings: boolean
  saved: boolean
}

const EVIDENCE_PREFIX = 'ippo.brief.evidence.'

export function readEvidence(briefId: string): EvidenceChoice {
  try {
    const raw = JSON.parse(localStorage.getItem(EVIDENCE_PREFIX + briefId) ?? 'null') as Partial<EvidenceChoice> | null
    return { earnings: raw?.earnings === true, saved: raw?.saved === true }
  } catch {
    return { earnings: false, saved: false }
  }
}

export function writeEvidence(briefId: string, choice: EvidenceChoice): void {
  try {
    if (!choice.earnings && !choice.saved) localStorage.removeItem(EVIDENCE_PREFIX + briefId)
    else localStorage.setItem(EVIDENCE_PREFIX + briefId, JSON.stringify(choice))
  } catch {
    // Private mode or full storage: the choice lasts for this visit only.
  }
}

/**
 * What she typed into a new brief before it could become a record (the server needs a
 * date and a satisfaction first), kept on this device so a closed app loses nothing.
 * Stored with her user id: on a shared device nobody else is offered her draft.
 */
const DRAFT_PREFIX = 'ippo.brief.draft.'

interface StoredDraft {
  user: number
  fields: Partial<BriefFields>
}

function parseDraft(raw: string | null, userId: number): Partial<BriefFields> | null {
  try {
    const draft = JSON.parse(raw ?? 'null') as StoredDraft | null
    return draft && draft.user === userId && draft.fields && typeof draft.fields === 'object' ? draft.fields : null
  } catch {
    return null
  }
}

export function readDraft(briefId: string, userId: number): Partial<BriefFields> | null {
  try {
    return parseDraft(localStorage.getItem(DRAFT_PREFIX + briefId), userId)
  } catch {
    return null
  }
}

export function writeDraft(briefId: string, userId: number, fields: Partial<BriefFields> | null): void {
  try {
    if (fields) localStorage.setItem(DRAFT_PREFIX + briefId, JSON.stringify({ user: userId, fields } satisfies StoredDraft))
    else localStorage.removeItem(DRAFT_PREFIX + briefId)
  } catch {
    // Nothing better to do: the values stay on screen.
  }
}

/** The id of her unsaved new brief on this device, if she left one (to pick it up again). */
export function findDraft(userId: number): string | null {
  try {
    for (let n = 0; n < localStorage.length; n++) {
      const key = localStorage.key(n)
      if (key?.startsWith(DRAFT_PREFIX) && parseDraft(localStorage.getItem(key), userId)) return key.slice(DRAFT_PREFIX.length)
    }
  } catch {
    // No storage: no draft.
  }
  return null
}

/** A new goal's problems (title and due are required by the server), by field. */
export function goalDraftErrors(title: string, due: string): { title?: 'required' | 'too_long'; due?: 'date' } {
  const errors: { title?: 'required' | 'too_long'; due?: 'date' } = {}
  const clean = title.trim()
  if (!clean) errors.title = 'required'
  else if ([...clean].length > GOAL_TITLE_MAX) errors.title = 'too_long'
  if (!/^\d{4}-\d{2}-\d{2}$/.test(due) || Number.isNaN(Date.parse(due))) errors.due = 'date'
  return errors
}
