// Labelled native inputs generated from a FieldSpec list, plus the small form state hook
// every entry form uses: values stay as typed when validation fails.
import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'

import { t, tMaybe } from '../i18n'
import { choiceLabel, fieldLabel, parseForm, type FieldSpec, type FormValues } from '../records/schema'

export function useForm(
  specs: FieldSpec[],
  initial: () => FormValues,
  idPrefix: string,
  initialErrors: Record<string, string> = {},
) {
  const [values, setValues] = useState<FormValues>(initial)
  const [errors, setErrors] = useState<Record<string, string>>(initialErrors)

  const set = (name: string, value: string | boolean) => {
    setValues((prev) => ({ ...prev, [name]: value }))
    if (errors[name]) setErrors(({ [name]: _gone, ...rest }) => rest)
  }

  /** Parses the form; on errors shows them and moves focus to the first bad field. */
  const validate = () => {
    const result = parseForm(specs, values)
    setErrors(result.errors)
    const first = specs.find((s) => result.errors[s.name])
    if (first) requestAnimationFrame(() => document.getElementById(`${idPrefix}-${first.name}`)?.focus())
    return result
  }

  const reset = (next: FormValues) => {
    setValues(next)
    setErrors({})
  }

  return { values, errors, set, validate, reset, setErrors, idPrefix }
}

export type FormApi = ReturnType<typeof useForm>

function isHalf(spec: FieldSpec): boolean {
  return ['int', 'decimal', 'date'].includes(spec.kind) || spec.name === 'outcome_unit'
}

interface FieldsProps {
  specs: FieldSpec[]
  form: FormApi
  /** Quick-entry forms name their inputs `${testidPrefix}-${spec.tid}`. */
  testidPrefix?: string
  /** Extra content rendered right after a field (e.g. suggestions under "task"). */
  after?: Partial<Record<string, ComponentChildren>>
}

export function Fields({ specs, form, testidPrefix, after }: FieldsProps) {
  return (
    <div class="fields">
      {specs.map((spec) => (
        <Field key={spec.name} spec={spec} form={form} testid={testidPrefix && spec.tid ? `${testidPrefix}-${spec.tid}` : undefined}>
          {after?.[spec.name]}
        </Field>
      ))}
    </div>
  )
}

function Field({ spec, form, testid, children }: { spec: FieldSpec; form: FormApi; testid?: string; children?: ComponentChildren }) {
  const id = `${form.idPrefix}-${spec.name}`
  const error = form.errors[spec.name]
  const described = error ? `${id}-err` : undefined
  if (spec.kind === 'bool') {
    return (
      <div class="field check-field">
        <input
          type="checkbox"
          id={id}
          name={spec.name}
          data-testid={testid}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={described}
          checked={Boolean(form.values[spec.name])}
          onChange={(e) => form.set(spec.name, e.currentTarget.checked)}
        />
        <label for={id}>{fieldLabel(spec.name)}</label>
        {error && <p class="field-error" id={described}>{error}</p>}
      </div>
    )
  }
  const placeholder = spec.kind === 'text' ? tMaybe(`ph.${spec.name}`, '') || undefined : undefined
  return (
    <div class={isHalf(spec) ? 'field half' : 'field'}>
      <label for={id}>
        {fieldLabel(spec.name)}
        {/* aria-required on the input tells assistive tech; the star is for the eye. */}
        {spec.required && (
          <span class="req" aria-hidden="true" title={t('form.required')}>
            {' '}*
          </span>
        )}
      </label>
      <FieldControl spec={spec} form={form} testid={testid} describedBy={described} placeholder={placeholder} />
      {error && (
        <p class="field-error" id={described}>
          {error}
        </p>
      )}
      {children}
    </div>
  )
}

interface ControlProps {
  spec: FieldSpec
  form: FormApi
  testid?: string
  /** The ids of what is shown under the control (its error, a hint). */
  describedBy?: string
  placeholder?: string
  /** Value → label for a choice (default: the shell's choice.* strings). */
  choiceLabel?: (value: string) => string
  /** Options before the spec's choices (e.g. "none"). */
  before?: { value: string; label: string }[]
}

/** The native control of a spec that is not a checkbox, wired to the form's values. Its id
 *  is `${form.idPrefix}-${spec.name}`, which is where validate() moves focus. */
export function FieldControl({ spec, form, testid, describedBy, placeholder, choiceLabel: label, before }: ControlProps) {
  const raw = form.values[spec.name]
  const text = typeof raw === 'string' ? raw : ''
  const common = {
    id: `${form.idPrefix}-${spec.name}`,
    name: spec.name,
    'data-testid': testid,
    'aria-invalid': form.errors[spec.name] ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    'aria-required': spec.required ? ('true' as const) : undefined,
  }
  const onText = (e: Event) => form.set(spec.name, (e.currentTarget as HTMLInputElement).value)
  switch (spec.kind) {
    case 'int':
      return <input type="number" inputMode="numeric" step={1} min={spec.min} max={spec.max} {...common} value={text} onInput={onText} />
    case 'decimal':
      return <input type="number" inputMode="decimal" step="any" min={spec.min} {...common} value={text} onInput={onText} />
    case 'date':
      return <input type="date" {...common} value={text} onInput={onText} />
    case 'choice':
      return (
        <select {...common} value={text} onChange={onText}>
          {spec.required && !text && !before?.length && <option value="">{t('form.choose')}</option>}
          {(before ?? []).map((o) => (
            <option key={`x-${o.value}`} value={o.value}>
              {o.label}
            </option>
          ))}
          {(spec.choices ?? []).map((c) => (
            <option key={c} value={c}>
              {label ? label(c) : choiceLabel(spec.name, c)}
            </option>
          ))}
        </select>
      )
    case 'textarea':
      return <textarea rows={3} maxLength={spec.maxLength} placeholder={placeholder} {...common} value={text} onInput={onText} />
    default:
      return (
        <input type="text" maxLength={spec.maxLength} placeholder={placeholder} autoComplete="off" {...common} value={text} onInput={onText} />
      )
  }
}
