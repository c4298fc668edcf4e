// "Keep in touch": the people whose follow-up date has come (or comes within a week).
// A line leaves when she logs a newer contact with that person, or taps "done", which
// empties the follow-up date of that entry (with undo).
import { showToast } from '../components/toast'
import { choiceLabel } from '../records/schema'
import { formatDay } from '../i18n'
import { t, tCount } from '../i18n/goals'
import { saveRecord } from '../store/records'
import type { Contact, KeepInTouch, NetworkContactFields } from './network'

interface Props {
  items: KeepInTouch<Contact>[]
  /** "Log that we talked": fills the add form with this person. */
  onLog(contact: Contact): void
}

export function KeepInTouchList({ items, onLog }: Props) {
  const due = items.filter((i) => i.state === 'due')
  const coming = items.filter((i) => i.state === 'coming')

  const done = async (item: KeepInTouch<Contact>) => {
    const { contact } = item
    const before = contact.fields.follow_up_on
    try {
      await saveRecord<NetworkContactFields>('contact', contact.id, { follow_up_on: null })
      showToast(t('net.done_toast', { name: contact.fields.name }), {
        undo: () => saveRecord<NetworkContactFields>('contact', contact.id, { follow_up_on: before }),
      })
      document.getElementById('keep-title')?.focus()
    } catch (err) {
      console.error('ippo: follow-up done', err)
      showToast(t('form.save_failed'))
    }
  }

  const line = (item: KeepInTouch<Contact>) => {
    const f = item.contact.fields
    const when =
      item.state === 'coming'
        ? tCount('net.follow_in', -item.daysLate, { date: formatDay(f.follow_up_on as string) })
        : item.daysLate === 0
          ? t('net.follow_today')
          : tCount('net.follow_late', item.daysLate)
    return (
      <li key={item.contact.id} class={`goals-keep ${item.state}`} data-testid="keep-in-touch-item" data-name={f.name} data-state={item.state}>
        <div class="entry-text">
          <strong>{f.name}</strong> <span class="badge">{choiceLabel('kind', f.kind)}</span>
          <p class={`small goals-due ${item.state === 'due' ? 'overdue' : 'soon'}`}>{when}</p>
          {(f.organisation || f.note) && <p class="muted small">{[f.organisation, f.note].filter(Boolean).join(' · ')}</p>}
        </div>
        <div class="actions">
          <button type="button" class="btn small" data-testid="keep-in-touch-log" onClick={() => onLog(item.contact)}>
            {t('net.log_again')}
            <span class="sr-only">: {f.name}</span>
          </button>
          <button type="button" class="btn small" data-testid="keep-in-touch-done" onClick={() => done(item)}>
            {t('net.done')}
            <span class="sr-only">: {f.name}</span>
          </button>
        </div>
      </li>
    )
  }

  return (
    <section class="card goals-keep-card" aria-labelledby="keep-title">
      <h2 id="keep-title" tabIndex={-1}>
        {t('net.keep')}
      </h2>
      <p class="muted small">{t('net.keep_lead')}</p>
      <div data-testid="keep-in-touch" data-count={items.length}>
        {items.length === 0 && <p class="empty">{t('net.keep_empty')}</p>}
        {due.length > 0 && (
          <>
            <h3 id="keep-due">{t('net.keep_due')}</h3>
            <ul class="plain goals-keep-list" aria-labelledby="keep-due">
              {due.map(line)}
            </ul>
          </>
        )}
        {coming.length > 0 && (
          <>
            <h3 id="keep-coming">{t('net.keep_coming')}</h3>
            <ul class="plain goals-keep-list" aria-labelledby="keep-coming">
              {coming.map(line)}
            </ul>
          </>
        )}
      </div>
    </section>
  )
}
