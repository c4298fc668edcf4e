// Labelled form controls for the goals, learning and network screens. They sit on the
// shell's useForm (values kept as typed, errors shown under the field, focus on the first
// bad one), but take their labels and choice names from the screens' own strings.
import type { ComponentChildren } from 'preact'

import { FieldControl, type FormApi } from '../components/Fields'
import type { FieldSpec } from '../records/schema'
import { t, type GoalsKey } from '../i18n/goals'
import { clampProgress } from './goals'

interface FieldProps {
  form: FormApi
  spec: FieldSpec
  label: string
  testid?: string
  hint?: string
  placeholder?: string
  /** Value → label for a choice field (in the spec's order). */
  choiceLabel?: (value: string) => string
  /** Extra options before the spec's choices (e.g. "none"). */
  options?: { value: string; label: string }[]
  half?: boolean
  /** Put `children` beside the control (e.g. quick-pick chips) rather than under it. */
  inline?: boolean
  children?: ComponentChildren
}

export function ToolField({ form, spec, label, testid, hint, placeholder, choiceLabel, options, half, inline, children }: FieldProps) {
  const id = `${form.idPrefix}-${spec.name}`
  const error = form.errors[spec.name]
  const describedBy = [error ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined
  const control = (
    <FieldControl
      spec={spec}
      form={form}
      testid={testid}
      describedBy={describedBy}
      placeholder={placeholder}
      choiceLabel={choiceLabel ?? ((c) => c)}
      before={options}
    />
  )
  return (
    <div class={half ? 'field half' : 'field'}>
      <label for={id}>
        {label}
        {spec.required ? (
          <span class="req" aria-hidden="true">
            {' '}*
          </span>
        ) : (
          spec.kind !== 'choice' && <span class="muted small">{t('tools.optional')}</span>
        )}
      </label>
      {inline ? (
        <div class="goals-inline">
          {control}
          {children}
        </div>
      ) : (
        control
      )}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-err`}>
          {error}
        </p>
      )}
      {!inline && children}
    </div>
  )
}

interface ProgressProps {
  /** The form field's id; the slider gets `${id}-slider`. */
  id: string
  value: string
  onChange(value: string): void
  label: string
  sliderLabel: string
  testid?: string
  error?: string
}

/** A 0–100 slider for the thumb and a number box for exact values, kept in step. */
export function ProgressInput({ id, value, onChange, label, sliderLabel, testid, error }: ProgressProps) {
  const slider = clampProgress(value === '' ? 0 : value)
  return (
    <div class="field goals-progress-field">
      <label for={id}>{label}</label>
      <div class="goals-progress-row">
        <input
          type="range"
          min={0}
          max={100}
          step={5}
          id={`${id}-slider`}
          aria-label={sliderLabel}
          data-testid={testid ? `${testid}-slider` : undefined}
          value={slider}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
        <input
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          id={id}
          class="goals-progress-number"
          data-testid={testid}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
          value={value}
          onInput={(e) => onChange(e.currentTarget.value)}
        />
      </div>
      {error && (
        <p class="field-error" id={`${id}-err`}>
          {error}
        </p>
      )}
    </div>
  )
}

/** A progress bar with its figure for eyes and screen readers alike. */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const n = clampProgress(value)
  return (
    <div class="goals-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={n} aria-label={label}>
      <span class="goals-bar-fill" style={{ width: `${n}%` }} />
    </div>
  )
}

/** The top of the goals, learning and network screens: the way back to /tools, the title
 *  (focused by the router on arrival) and the screen's one-line lead. */
export function ToolHead({ title, lead }: { title: GoalsKey; lead: GoalsKey }) {
  return (
    <>
      <p>
        <a href="/tools" class="muted small goals-back">
          ← {t('tools.back')}
        </a>
      </p>
      <h1 tabIndex={-1}>{t(title)}</h1>
      <p class="lead">{t(lead)}</p>
    </>
  )
}
