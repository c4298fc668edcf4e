// The form for one career-mode period: a new one, or one she already has.
import { useState } from 'preact/hooks'

import { showToast } from '../components/toast'
import { t, type EmployersKey } from '../i18n/employers'
import { newId, saveRecord } from '../store/records'
import { isDate } from '../time'
import type { LocalRecord } from '../types'
import { checkPeriod, yearsLater, type CareerModeFields, type ModeKind, type ModeProblem } from './mode'

interface Props {
  record?: LocalRecord<CareerModeFields>
  defaultStart: string
  defaultKind: ModeKind
  onDone(): void
}

const KINDS: readonly ModeKind[] = ['attack', 'defence']

const PROBLEMS: Record<ModeProblem, EmployersKey> = {
  starts: 'modes.err_starts',
  ends: 'modes.err_ends',
  ends_before: 'modes.err_ends_before',
  purpose: 'modes.err_length',
  focus: 'modes.err_length',
}

type Field = 'starts' | 'ends' | 'purpose' | 'focus'

export function ModeForm({ record, defaultStart, defaultKind, onDone }: Props) {
  const f = record?.fields
  const [kind, setKind] = useState<ModeKind>(f?.mode ?? defaultKind)
  const [starts, setStarts] = useState(f?.starts ?? defaultStart)
  const [ends, setEnds] = useState(f?.ends ?? yearsLater(defaultStart, 1))
  const [purpose, setPurpose] = useState(f?.purpose ?? '')
  const [focus, setFocus] = useState(f?.focus ?? '')
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({})
  const [busy, setBusy] = useState(false)

  const save = async (e: Event) => {
    e.preventDefault()
    const found = checkPeriod({ starts, ends, purpose, focus }, isDate)
    const problems: typeof errors = {}
    for (const [field, problem] of Object.entries(found) as [Field, ModeProblem][]) problems[field] = t(PROBLEMS[problem])
    setErrors(problems)
    const first = (['starts', 'ends', 'purpose', 'focus'] as const).find((name) => problems[name])
    if (first) {
      document.getElementById(`mode-${first}`)?.focus()
      return
    }
    setBusy(true)
    try {
      await saveRecord<CareerModeFields>('career_mode', record?.id ?? newId(), {
        mode: kind,
        starts,
        ends,
        purpose: purpose.trim(),
        focus: focus.trim(),
      })
      showToast(t('modes.saved'))
      onDone()
    } catch (err) {
      console.error('ippo: career mode', err)
      setErrors({ form: t('form.save_failed') })
    } finally {
      setBusy(false)
    }
  }

  const invalid = (name: Field) => (errors[name] ? 'true' : undefined)
  const describe = (name: Field, hint?: string) =>
    [hint, errors[name] ? `mode-${name}-err` : ''].filter(Boolean).join(' ') || undefined
  const error = (name: Field) =>
    errors[name] && (
      <p class="field-error" id={`mode-${name}-err`}>
        {errors[name]}
      </p>
    )

  return (
    <form class="card mode-form" noValidate onSubmit={save} aria-labelledby="mode-form-title">
      <h2 id="mode-form-title" tabIndex={-1}>{t(record ? 'modes.form_edit' : 'modes.form_new')}</h2>
      <fieldset class="modes">
        <legend>{t('modes.kind')}</legend>
        {KINDS.map((m) => (
          <div class={`mode-option ${m}`} key={m}>
            <input type="radio" name="mode-kind" id={`mode-kind-${m}`} data-testid="mode-kind" value={m}
              checked={kind === m} onChange={() => setKind(m)} aria-describedby={`mode-kind-${m}-desc`} />
            <label for={`mode-kind-${m}`}>
              <strong>{t(m === 'attack' ? 'mode.attack' : 'mode.defence')}</strong>
            </label>
            <p class="hint" id={`mode-kind-${m}-desc`}>{t(m === 'attack' ? 'modes.attack_more' : 'modes.defence_more')}</p>
          </div>
        ))}
      </fieldset>
      <div class="mode-dates">
        <div class="field">
          <label for="mode-starts">{t('modes.starts')}</label>
          <input id="mode-starts" data-testid="mode-starts" type="date" required value={starts}
            onInput={(e) => setStarts(e.currentTarget.value)} aria-invalid={invalid('starts')} aria-describedby={describe('starts')} />
          {error('starts')}
        </div>
        <div class="field">
          <label for="mode-ends">{t('modes.ends')}</label>
          <input id="mode-ends" data-testid="mode-ends" type="date" required value={ends} min={isDate(starts) ? starts : undefined}
            onInput={(e) => setEnds(e.currentTarget.value)} aria-invalid={invalid('ends')} aria-describedby={describe('ends', 'mode-ends-hint')} />
          <p class="hint" id="mode-ends-hint">{t('modes.ends_hint')}</p>
          {error('ends')}
        </div>
      </div>
      <div class="field">
        <label for="mode-purpose">{t('modes.purpose')}</label>
        <input id="mode-purpose" data-testid="mode-purpose-input" type="text" maxLength={500} value={purpose}
          placeholder={t('modes.purpose_ph')} onInput={(e) => setPurpose(e.currentTarget.value)}
          aria-invalid={invalid('purpose')} aria-describedby={describe('purpose')} />
        {error('purpose')}
      </div>
      <div class="field">
        <label for="mode-focus">{t('modes.focus')}</label>
        <textarea id="mode-focus" data-testid="mode-focus" rows={2} maxLength={500} value={focus}
          placeholder={t('modes.focus_ph')} onInput={(e) => setFocus(e.currentTarget.value)}
          aria-invalid={invalid('focus')} aria-describedby={describe('focus')} />
        {error('focus')}
      </div>
      {errors.form && <p class="field-error" role="alert">{errors.form}</p>}
      <div class="actions">
        <button type="submit" class="btn primary" data-testid="mode-save" disabled={busy}>
          {t(record ? 'modes.save' : 'modes.save_new')}
        </button>
        {record && (
          <button type="button" class="btn" onClick={onDone}>
            {t('modes.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
