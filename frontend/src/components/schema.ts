// The fields the UI edits for each record type, with the same bounds the server checks
// (server/journal/types.py), so a mistake is caught on the phone, in her language,
// before it becomes a rejected op.
import { t, tMaybe, type MsgKey } from '../i18n'
import type { RecordType } from '../types'

export type FieldKind = 'text' | 'textarea' | 'int' | 'decimal' | 'choice' | 'date' | 'bool'

export interface FieldSpec {
  name: string
  kind: FieldKind
  required?: boolean
  min?: number
  max?: number
  maxLength?: number
  choices?: readonly string[]
  /** data-testid suffix in quick-entry forms: `${prefix}-${tid}` */
  tid?: string
}

export const PLACES = ['commute', 'night', 'audio', 'other'] as const
export const CONTACT_KINDS = ['peer', 'role_model', 'study_group', 'third_place', 'mentor', 'other'] as const
export const MODES = ['attack', 'defence'] as const

export interface EfficiencyFields {
  date: string
  task: string
  minutes_spent: number
  minutes_saved: number
  improvement: string
  outcome_value: number | string | null
  outcome_unit: string
  note: string
}
export interface LearningFields {
  date: string
  topic: string
  minutes: number
  place: (typeof PLACES)[number]
  goal?: string | null
  note: string
}
export interface ContactFields {
  date: string
  name: string
  kind: (typeof CONTACT_KINDS)[number]
  organisation: string
  note: string
  follow_up_on?: string | null
}
export interface ChecklistItemFields {
  title: string
  position: number
  archived: boolean
  starter_key: string | null
}
export interface CheckFields {
  item: string
  date: string
  done: boolean
  note?: string
}
export interface CareerModeFields {
  mode: (typeof MODES)[number]
  starts: string
  ends: string
  purpose: string
  focus: string
}

const date: FieldSpec = { name: 'date', kind: 'date', required: true }
const MINUTES = { kind: 'int', min: 0, max: 1440 } as const

export const SCHEMAS: Partial<Record<RecordType, FieldSpec[]>> = {
  efficiency_log: [
    date,
    { name: 'task', kind: 'text', required: true, maxLength: 200, tid: 'task' },
    { name: 'minutes_spent', ...MINUTES, required: true, tid: 'spent' },
    { name: 'minutes_saved', ...MINUTES, tid: 'saved' },
    { name: 'improvement', kind: 'text', maxLength: 500, tid: 'how' },
    { name: 'outcome_value', kind: 'decimal', min: 0, max: 999_999_999_999.99, tid: 'outcome-value' },
    { name: 'outcome_unit', kind: 'text', maxLength: 30, tid: 'outcome-unit' },
    { name: 'note', kind: 'textarea', maxLength: 2000 },
  ],
  learning_session: [
    date,
    { name: 'topic', kind: 'text', required: true, maxLength: 120, tid: 'topic' },
    { name: 'minutes', kind: 'int', required: true, min: 1, max: 1440, tid: 'minutes' },
    { name: 'place', kind: 'choice', choices: PLACES, tid: 'place' },
    { name: 'note', kind: 'textarea', maxLength: 1000 },
  ],
  contact: [
    date,
    { name: 'name', kind: 'text', required: true, maxLength: 120, tid: 'name' },
    { name: 'kind', kind: 'choice', choices: CONTACT_KINDS, tid: 'kind' },
    { name: 'organisation', kind: 'text', maxLength: 120 },
    { name: 'note', kind: 'textarea', maxLength: 1000 },
    { name: 'follow_up_on', kind: 'date' },
  ],
  checklist_item: [{ name: 'title', kind: 'text', required: true, maxLength: 120 }],
  check: [date, { name: 'done', kind: 'bool' }, { name: 'note', kind: 'textarea', maxLength: 500 }],
  career_mode: [
    { name: 'mode', kind: 'choice', choices: MODES, required: true },
    { name: 'starts', kind: 'date', required: true },
    { name: 'ends', kind: 'date', required: true },
    { name: 'purpose', kind: 'text', maxLength: 500 },
    { name: 'focus', kind: 'text', maxLength: 500 },
  ],
}

/** A field's label; unknown names (from a server error) fall back to the raw name. */
export function fieldLabel(name: string): string {
  if (name === 'non_field_errors' || name === '__all__' || name === 'detail') return t('field.general')
  return tMaybe(`field.${name}`, name)
}

export function choiceLabel(field: string, value: string): string {
  return tMaybe(`choice.${field}.${value}`, value)
}

export function typeLabel(type: string): string {
  return tMaybe(`type.${type}`, type)
}

/** Form values are the raw strings (and booleans) in the inputs, kept as typed on error. */
export type FormValues = Record<string, string | boolean>

export function toFormValues(specs: FieldSpec[], fields: Record<string, unknown>): FormValues {
  const out: FormValues = {}
  for (const spec of specs) {
    const value = fields[spec.name]
    if (spec.kind === 'bool') out[spec.name] = Boolean(value)
    else out[spec.name] = value === null || value === undefined ? '' : String(value)
  }
  return out
}

/** A spec guessed from a value, for record types the UI has no form for yet. */
export function guessSpecs(fields: Record<string, unknown>): FieldSpec[] {
  const specs: FieldSpec[] = []
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'boolean') specs.push({ name, kind: 'bool' })
    else if (typeof value === 'number') specs.push({ name, kind: Number.isInteger(value) ? 'int' : 'decimal' })
    else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) specs.push({ name, kind: 'date' })
    else if (typeof value === 'string' || value === null) specs.push({ name, kind: 'text' })
  }
  return specs
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: string }

function fail(key: MsgKey, vars?: Record<string, string | number>): Parsed {
  return { ok: false, error: t(key, vars) }
}

export function parseField(spec: FieldSpec, raw: string | boolean): Parsed {
  if (spec.kind === 'bool') return { ok: true, value: Boolean(raw) }
  const text = String(raw).trim()
  if (text === '') {
    if (spec.required) return fail('err.required')
    if (spec.kind === 'int') return { ok: true, value: spec.min && spec.min > 0 ? null : 0 }
    if (spec.kind === 'decimal' || spec.kind === 'date') return { ok: true, value: null }
    if (spec.kind === 'choice') return { ok: true, value: spec.choices?.[spec.choices.length - 1] ?? '' }
    return { ok: true, value: '' }
  }
  switch (spec.kind) {
    case 'int': {
      const n = Number(text)
      const min = spec.min ?? 0
      const max = spec.max ?? Number.MAX_SAFE_INTEGER
      if (!/^-?\d+$/.test(text) || n < min || n > max) return fail('err.int_range', { min, max })
      return { ok: true, value: n }
    }
    case 'decimal': {
      const n = Number(text)
      if (!/^\d+(\.\d{1,2})?$/.test(text) || !Number.isFinite(n)) return fail('err.decimal')
      if (spec.max !== undefined && n > spec.max) return fail('err.too_big')
      return { ok: true, value: n }
    }
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) return fail('err.date')
      return { ok: true, value: text }
    case 'choice':
      if (spec.choices && !spec.choices.includes(text)) return fail('err.choice')
      return { ok: true, value: text }
    default:
      if (spec.maxLength && [...text].length > spec.maxLength) return fail('err.max_length', { max: spec.maxLength })
      return { ok: true, value: text }
  }
}

/** Parses every field; `errors` is empty when all are valid. */
export function parseForm(
  specs: FieldSpec[],
  values: FormValues,
): { fields: Record<string, unknown>; errors: Record<string, string> } {
  const fields: Record<string, unknown> = {}
  const errors: Record<string, string> = {}
  for (const spec of specs) {
    const result = parseField(spec, values[spec.name] ?? '')
    if (result.ok) fields[spec.name] = result.value
    else errors[spec.name] = result.error
  }
  return { fields, errors }
}
