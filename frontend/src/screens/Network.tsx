// The network log (remedy 4): who she is due to get back to, a form to log a contact
// (peer, role model, study group, third place, mentor), and everyone she logged, by kind.
// All on the local records, so it works with no signal.
import '../tools/tools.css'
import '../tools/goals.css'

import { useState } from 'preact/hooks'

import { useToday, useUser } from '../components/context'
import { useRecords } from '../components/hooks'
import { removeWithUndo } from '../components/remove'
import { choiceLabel } from '../records/schema'
import { formatDay } from '../i18n'
import { t } from '../i18n/goals'
import { saveRecord } from '../store/records'
import { ContactForm, type Prefill } from '../tools/network-form'
import { KeepInTouchList } from '../tools/network-keep'
import { ToolHead } from '../tools/goals-fields'
import { CONTACT_KINDS, groupByKind, keepInTouch, sameDayFollowUps, type Contact, type NetworkContactFields } from '../tools/network'
import type { ScreenProps } from './props'

export default function Network(_props: ScreenProps) {
  const user = useUser()
  const day = useToday(user.time_zone)
  const contacts = useRecords<NetworkContactFields>('contact')
  const [prefill, setPrefill] = useState<Prefill | null>(null)

  const head = <ToolHead title="net.title" lead="net.lead" />
  if (!contacts) {
    return (
      <div class="network">
        {head}
        <p class="loading">{t('app.loading')}</p>
      </div>
    )
  }

  const logAgain = (c: Contact) =>
    setPrefill({ name: c.fields.name, kind: c.fields.kind, organisation: c.fields.organisation ?? '', seq: (prefill?.seq ?? 0) + 1 })

  // A second talk on the same day also settles that person's follow-up.
  const settle = async (added: Contact) => {
    for (const c of sameDayFollowUps(contacts, added)) {
      await saveRecord<NetworkContactFields>('contact', c.id, { follow_up_on: null })
    }
  }

  return (
    <div class="network">
      {head}
      <KeepInTouchList items={keepInTouch(contacts, day)} onLog={logAgain} />
      <section class="card" aria-labelledby="contact-add-title">
        <h2 id="contact-add-title">{t('net.add')}</h2>
        <ContactForm day={day} prefill={prefill} onCreated={settle} />
      </section>
      <ContactList contacts={contacts} day={day} />
    </div>
  )
}

function ContactList({ contacts, day }: { contacts: Contact[]; day: string }) {
  const [kind, setKind] = useState('')
  const [editing, setEditing] = useState<string | null>(null)
  const groups = groupByKind(contacts).filter((g) => !kind || g.kind === kind)

  const remove = async (c: Contact) => {
    if (editing === c.id) setEditing(null)
    await removeWithUndo('contact', c.id, t('net.deleted', { name: c.fields.name }), () =>
      document.getElementById('contact-list-title')?.focus(),
    )
  }

  const closeEditor = (id: string) => {
    setEditing(null)
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-testid="contact-entry"][data-id="${CSS.escape(id)}"] [data-testid="contact-edit"]`)?.focus(),
    )
  }

  return (
    <section class="card" aria-labelledby="contact-list-title">
      <h2 id="contact-list-title" tabIndex={-1}>
        {t('net.list')}
      </h2>
      {contacts.length === 0 ? (
        <p class="empty">{t('net.empty')}</p>
      ) : (
        <>
          <div class="field">
            <label for="contact-filter">{t('net.filter')}</label>
            <select id="contact-filter" data-testid="contact-filter" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
              <option value="">{t('net.filter_all')}</option>
              {CONTACT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {choiceLabel('kind', k)}
                </option>
              ))}
            </select>
          </div>
          {groups.length === 0 && <p class="empty">{t('net.filter_empty')}</p>}
          {groups.map((group) => (
            <div key={group.kind} class="goals-kind-group" data-kind={group.kind}>
              <h3 id={`contact-kind-${group.kind}`}>
                {choiceLabel('kind', group.kind)} <span class="muted small">({group.contacts.length})</span>
              </h3>
              <ul class="plain" aria-labelledby={`contact-kind-${group.kind}`}>
                {group.contacts.map((c) => (
                  <li key={c.id} class="entry" data-testid="contact-entry" data-id={c.id} data-kind={c.fields.kind}>
                    {editing === c.id ? (
                      <ContactForm day={day} contact={c} onDone={() => closeEditor(c.id)} />
                    ) : (
                      <ContactRow contact={c} day={day} onEdit={() => setEditing(c.id)} onDelete={() => remove(c)} />
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  )
}

function ContactRow({ contact, day, onEdit, onDelete }: { contact: Contact; day: string; onEdit(): void; onDelete(): void }) {
  const f = contact.fields
  const year = (d: string) => d.slice(0, 4) !== day.slice(0, 4)
  return (
    <div class="entry-row">
      <div class="entry-text">
        <span class="entry-title">{f.name}</span>
        <p class="muted small">{[formatDay(f.date, year(f.date)), f.organisation].filter(Boolean).join(' · ')}</p>
        {f.note && <p class="small">{f.note}</p>}
        {f.follow_up_on && <p class="small">{t('net.next_follow', { date: formatDay(f.follow_up_on, year(f.follow_up_on)) })}</p>}
        {contact.pending && <p class="unsynced small">{t('tools.pending')}</p>}
      </div>
      <div class="entry-actions">
        <button type="button" class="btn small" data-testid="contact-edit" onClick={onEdit}>
          {t('tools.edit')}
          <span class="sr-only">: {f.name}</span>
        </button>
        <button type="button" class="btn small danger" data-testid="contact-delete" onClick={onDelete}>
          {t('tools.delete')}
          <span class="sr-only">: {f.name}</span>
        </button>
      </div>
    </div>
  )
}
