// The contact form: the network log's "log a contact" and the in-place edit of an entry.
// A follow-up date is optional; "in a week" and "in a month" fill it with one tap.
import { useEffect, useState } from 'preact/hooks'

import { changedFields } from '../components/EntryEditor'
import { useForm } from '../components/Fields'
import { choiceLabel, field, toFormValues, type FieldSpec } from '../records/schema'
import { showToast } from '../components/toast'
import { t } from '../i18n/goals'
import { newId, saveRecord } from '../store/records'
import { addDays } from '../time'
import { ToolField } from './goals-fields'
import type { Contact, NetworkContactFields } from './network'

const SPECS: Record<string, FieldSpec> = {
  name: field('contact', 'name'),
  kind: field('contact', 'kind', { required: true }),
  organisation: field('contact', 'organisation'),
  date: field('contact', 'date'),
  follow_up_on: field('contact', 'follow_up_on'),
  note: field('contact', 'note', { kind: 'textarea' }),
}
const ORDER = [SPECS.name, SPECS.kind, SPECS.organisation, SPECS.date, SPECS.follow_up_on, SPECS.note]

/** What "log that we talked" on a keep-in-touch line puts into the add form. */
export interface Prefill {
  name: string
  kind: string
  organisation: string
  /** Changes on every tap, so tapping the same person twice fills the form again. */
  seq: number
}

interface Props {
  day: string
  contact?: Contact
  prefill?: Prefill | null
  /** After a new contact is stored (the screen settles same-day follow-ups with it). */
  onCreated?(contact: Contact): Promise<void> | void
  onDone?(): void
}

export function ContactForm({ day, contact, prefill, onCreated, onDone }: Props) {
  const prefix = contact ? `contact-edit-${contact.id}` : 'contact'
  const blank = () => ({ ...toFormValues(ORDER, {}), kind: 'peer', date: day })
  const form = useForm(
    ORDER,
    () => (contact ? toFormValues(ORDER, contact.fields as unknown as Record<string, unknown>) : blank()),
    prefix,
  )
  const [busy, setBusy] = useState(false)
  const tid = (name: string) => (contact ? undefined : `contact-${name}`)

  useEffect(() => {
    if (!prefill || contact) return
    form.reset({ ...blank(), name: prefill.name, kind: prefill.kind, organisation: prefill.organisation })
    const note = document.getElementById('contact-note')
    note?.scrollIntoView({ block: 'center' })
    note?.focus()
  }, [prefill?.seq])

  const save = async (e: Event) => {
    e.preventDefault()
    const { fields, errors } = form.validate()
    if (Object.keys(errors).length) return
    const parsed = fields as unknown as NetworkContactFields
    setBusy(true)
    try {
      if (contact) {
        const patch = changedFields(contact.fields as unknown as Record<string, unknown>, fields)
        if (Object.keys(patch).length) await saveRecord<NetworkContactFields>('contact', contact.id, patch)
        showToast(t('tools.saved'))
      } else {
        const created = await saveRecord<NetworkContactFields>('contact', newId(), parsed)
        await onCreated?.(created)
        form.reset({ ...blank(), kind: form.values.kind })
        showToast(t('net.saved', { name: parsed.name }))
        document.getElementById('contact-name')?.focus()
      }
      onDone?.()
    } catch (err) {
      console.error('ippo: contact', err)
      showToast(t('form.save_failed'))
    } finally {
      setBusy(false)
    }
  }

  const followIn = (days: number) => form.set('follow_up_on', addDays(String(form.values.date || day), days))

  return (
    <form class={contact ? 'editor' : undefined} noValidate onSubmit={save}>
      <div class="fields">
        <ToolField form={form} spec={SPECS.name} label={t('net.field_name')} placeholder={t('net.ph_name')} testid={tid('name')} />
        <ToolField
          form={form}
          spec={SPECS.kind}
          label={t('net.field_kind')}
          choiceLabel={(v) => choiceLabel('kind', v)}
          testid={tid('kind')}
          half
        />
        <ToolField form={form} spec={SPECS.date} label={t('net.field_date')} testid={tid('date')} half />
        <ToolField form={form} spec={SPECS.organisation} label={t('net.field_org')} placeholder={t('net.ph_org')} testid={tid('org')} />
        <ToolField form={form} spec={SPECS.note} label={t('net.field_note')} placeholder={t('net.ph_note')} testid={tid('note')} />
        <ToolField form={form} spec={SPECS.follow_up_on} label={t('net.field_follow')} testid={tid('follow-up')}>
          <div class="suggestions" role="group" aria-label={t('net.field_follow')}>
            <button type="button" class="chip" onClick={() => followIn(7)}>
              {t('net.in_week')}
            </button>
            <button type="button" class="chip" onClick={() => followIn(30)}>
              {t('net.in_month')}
            </button>
          </div>
        </ToolField>
      </div>
      <div class="actions">
        <button type="submit" class={contact ? 'btn primary' : 'btn primary wide'} data-testid={contact ? 'contact-edit-save' : 'contact-save'} disabled={busy}>
          {contact ? t('form.save') : t('net.save')}
        </button>
        {contact && (
          <button type="button" class="btn" onClick={onDone}>
            {t('form.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
