// The fields the UI edits for each record type. Their bounds (required, min/max, maxLength,
// choices) are the server's, generated from its OpenAPI document into ../gen/records.ts
// (`python manage.py gen_frontend`), so a mistake is caught on the phone, in her language,
// before it becomes a rejected op. Only how a field is drawn is chosen here.
import { RECORD_FIELDS, type RecordFields } from '../gen/records'
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

/** One field's bounds as generated (see scripts/gen-records.mjs). */
export interface Bounds {
  type: string
  required: boolean
  nullable?: boolean
  min?: number
  max?: number
  below?: number
  minLength?: number
  maxLength?: number
  maxItems?: number
  itemMaxLength?: number
  choices?: readonly string[]
}

const BOUNDS: Record<string, Record<string, Bounds>> = RECORD_FIELDS

/** The server's bounds of one field of a record type. */
export function boundsOf(type: RecordType, name: string): Bounds {
  const bounds = BOUNDS[type]?.[name]
  if (!bounds) throw new Error(`${type} has no field ${name}`)
  return bounds
}

const KINDS: Record<string, FieldKind> = {
  string: 'text',
  integer: 'int',
  number: 'decimal',
  boolean: 'bool',
  date: 'date',
  choice: 'choice',
}

/** A form field of a record type with the server's bounds; `ui` says how it is drawn
 * (a textarea, a test id) and may ask for more than the server does (required). */
export function field(type: RecordType, name: string, ui: Partial<FieldSpec> = {}): FieldSpec {
  const b = boundsOf(type, name)
  const spec: FieldSpec = { name, kind: KINDS[b.type] ?? 'text' }
  if (b.required) spec.required = true
  if (b.min !== undefined) spec.min = b.min
  if (b.max !== undefined) spec.max = b.max
  // An amount has cents: the largest below the bound is one cent less.
  if (b.below !== undefined) spec.max = b.below - 0.01
  if (b.maxLength !== undefined) spec.maxLength = b.maxLength
  if (b.choices) spec.choices = b.choices
  return { ...spec, ...ui }
}

export const PLACES = RECORD_FIELDS.learning_session.place.choices
export const CONTACT_KINDS = RECORD_FIELDS.contact.kind.choices
export const MODES = RECORD_FIELDS.career_mode.mode.choices

export type EfficiencyFields = RecordFields['efficiency_log']
export type LearningFields = RecordFields['learning_session']
export type ContactFields = RecordFields['contact']
export type ChecklistItemFields = RecordFields['checklist_item']
export type CheckFields = RecordFields['check']
export type CareerModeFields = RecordFields['career_mode']

const date = (type: RecordType) => field(type, 'date')

export const SCHEMAS: Partial<Record<RecordType, FieldSpec[]>> = {
  efficiency_log: [
    date('efficiency_log'),
    field('efficiency_log', 'task', { tid: 'task' }),
    field('efficiency_log', 'minutes_spent', { tid: 'spent' }),
    field('efficiency_log', 'minutes_saved', { tid: 'saved' }),
    field('efficiency_log', 'improvement', { tid: 'how' }),
    field('efficiency_log', 'outcome_value', { tid: 'outcome-value' }),
    field('efficiency_log', 'outcome_unit', { tid: 'outcome-unit' }),
    field('efficiency_log', 'note', { kind: 'textarea' }),
  ],
  learning_session: [
    date('learning_session'),
    field('learning_session', 'topic', { tid: 'topic' }),
    field('learning_session', 'minutes', { tid: 'minutes' }),
    field('learning_session', 'place', { tid: 'place' }),
    field('learning_session', 'note', { kind: 'textarea' }),
  ],
  contact: [
    date('contact'),
    field('contact', 'name', { tid: 'name' }),
    field('contact', 'kind', { tid: 'kind' }),
    field('contact', 'organisation'),
    field('contact', 'note', { kind: 'textarea' }),
    field('contact', 'follow_up_on'),
  ],
  checklist_item: [field('checklist_item', 'title')],
  check: [date('check'), field('check', 'done'), field('check', 'note', { kind: 'textarea' })],
  career_mode: [
    field('career_mode', 'mode'),
    field('career_mode', 'starts'),
    field('career_mode', 'ends'),
    field('career_mode', 'purpose'),
    field('career_mode', 'focus'),
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
