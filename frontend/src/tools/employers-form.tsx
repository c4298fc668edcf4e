// Adding a company, or editing its name, site and note (the scores live in the table).
import { useState } from 'preact/hooks'

import { t } from '../i18n/employers'
import { cleanUrl } from './employers'

export interface EmployerDraft {
  name: string
  url: string
  note: string
}

interface Props {
  /** Prefix of the inputs' ids; "new" gets the contract's data-testids. */
  idPrefix: string
  initial?: EmployerDraft
  submitLabel: string
  onSave(draft: EmployerDraft): Promise<unknown>
  onCancel?(): void
}

const LIMITS = { name: 120, note: 2000 } as const

export function EmployerForm({ idPrefix, initial, submitLabel, onSave, onCancel }: Props) {
  const [name, setName] = useState(initial?.name ?? '')
  const [url, setUrl] = useState(initial?.url ?? '')
  const [note, setNote] = useState(initial?.note ?? '')
  const [errors, setErrors] = useState<Partial<Record<keyof EmployerDraft | 'form', string>>>({})
  const [busy, setBusy] = useState(false)
  const isNew = idPrefix === 'new'
  const id = (field: string) => `employer-${idPrefix}-${field}`

  const submit = async (e: Event) => {
    e.preventDefault()
    const problems: typeof errors = {}
    const cleanName = name.trim()
    if (!cleanName) problems.name = t('err.required')
    else if ([...cleanName].length > LIMITS.name) problems.name = t('employers.err_too_long', { max: LIMITS.name })
    const site = cleanUrl(url)
    if ('problem' in site) problems.url = site.problem === 'scheme' ? t('employers.err_url') : t('employers.err_too_long', { max: 300 })
    if ([...note.trim()].length > LIMITS.note) problems.note = t('employers.err_too_long', { max: LIMITS.note })
    setErrors(problems)
    const first = (['name', 'url', 'note'] as const).find((f) => problems[f])
    if (first || 'problem' in site) {
      if (first) document.getElementById(id(first))?.focus()
      return
    }
    setBusy(true)
    try {
      await onSave({ name: cleanName, url: site.url, note: note.trim() })
      if (isNew) {
        setName('')
        setUrl('')
        setNote('')
        // Ready for the next one, as the other quick-add forms are.
        document.getElementById(id('name'))?.focus()
      }
    } catch (err) {
      console.error('ippo: employer', err)
      setErrors({ form: t('form.save_failed') })
    } finally {
      setBusy(false)
    }
  }

  const describedBy = (field: keyof EmployerDraft, hint?: string) =>
    [hint, errors[field] ? `${id(field)}-err` : ''].filter(Boolean).join(' ') || undefined

  return (
    <form class="employer-form" noValidate onSubmit={submit}>
      <div class="field">
        <label for={id('name')}>
          {t('employers.name')} <span class="req" aria-hidden="true">*</span>
        </label>
        <input id={id('name')} data-testid={isNew ? 'employer-name' : undefined} type="text" maxLength={LIMITS.name}
          required value={name} onInput={(e) => setName(e.currentTarget.value)}
          aria-invalid={errors.name ? 'true' : undefined} aria-describedby={describedBy('name')} />
        {errors.name && <p class="field-error" id={`${id('name')}-err`}>{errors.name}</p>}
      </div>
      <div class="field">
        <label for={id('url')}>
          {t('employers.url')} <span class="muted small">{t('form.optional')}</span>
        </label>
        <input id={id('url')} data-testid={isNew ? 'employer-url' : undefined} type="text" inputMode="url" maxLength={300}
          autoComplete="url" placeholder="https://" value={url} onInput={(e) => setUrl(e.currentTarget.value)}
          aria-invalid={errors.url ? 'true' : undefined} aria-describedby={describedBy('url', `${id('url')}-hint`)} />
        <p class="hint" id={`${id('url')}-hint`}>{t('employers.url_hint')}</p>
        {errors.url && <p class="field-error" id={`${id('url')}-err`}>{errors.url}</p>}
      </div>
      <div class="field">
        <label for={id('note')}>
          {t('employers.note')} <span class="muted small">{t('form.optional')}</span>
        </label>
        <textarea id={id('note')} data-testid={isNew ? 'employer-note' : undefined} rows={2} maxLength={LIMITS.note}
          placeholder={t('employers.note_ph')} value={note} onInput={(e) => setNote(e.currentTarget.value)}
          aria-invalid={errors.note ? 'true' : undefined} aria-describedby={describedBy('note')} />
        {errors.note && <p class="field-error" id={`${id('note')}-err`}>{errors.note}</p>}
      </div>
      {errors.form && <p class="field-error" role="alert">{errors.form}</p>}
      <div class="actions">
        <button type="submit" class="btn primary" data-testid={isNew ? 'employer-add' : 'employer-save'} disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="btn" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
