// An edit form for one record, used in place in History and for fixing a rejected op.
import { useState } from 'preact/hooks'

import { t } from '../i18n'
import { Fields, useForm } from './Fields'
import { toFormValues, type FieldSpec } from '../records/schema'

interface Props {
  specs: FieldSpec[]
  initial: Record<string, unknown>
  idPrefix: string
  /** Receives every parsed field; the caller decides what to send. */
  onSave(fields: Record<string, unknown>): Promise<void>
  onCancel(): void
  /** Errors to show at once (e.g. the server's reasons for a rejected op). */
  initialErrors?: Record<string, string>
  saveLabel?: string
}

export function EntryEditor({ specs, initial, idPrefix, onSave, onCancel, initialErrors, saveLabel }: Props) {
  const form = useForm(specs, () => toFormValues(specs, initial), idPrefix, initialErrors)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState('')

  const submit = async (e: Event) => {
    e.preventDefault()
    const { fields, errors } = form.validate()
    if (Object.keys(errors).length) return
    setBusy(true)
    setFailed('')
    try {
      await onSave(fields)
    } catch (err) {
      console.error('ippo: save', err)
      setFailed(t('form.save_failed'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="editor" noValidate onSubmit={submit}>
      <Fields specs={specs} form={form} />
      {failed && <p class="field-error" role="alert">{failed}</p>}
      <div class="actions">
        <button type="submit" class="btn primary" data-testid="entry-save" disabled={busy}>
          {saveLabel ?? t('form.save')}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  )
}

/** The fields whose value differs, so an edit patches only what she changed. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(after)) {
    const old = before[name]
    const same = old === value || ((old === undefined || old === null || old === '') && (value === null || value === ''))
    const sameNumber = typeof value === 'number' && old !== null && old !== undefined && old !== '' && Number(old) === value
    if (!same && !sameNumber) out[name] = value
  }
  return out
}
