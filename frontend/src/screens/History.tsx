// Everything she logged, grouped by day, newest first; entries can be edited in place or
// deleted (with undo).
import { useState } from 'preact/hooks'

import { useToday, useUser } from '../components/context'
import { EntryEditor, changedFields } from '../components/EntryEditor'
import { useRecords } from '../components/hooks'
import { removeWithUndo } from '../components/remove'
import { SCHEMAS, typeLabel, type CheckFields, type ChecklistItemFields } from '../records/schema'
import { entryDetails, entryTitle } from '../components/summary'
import { showToast } from '../components/toast'
import { formatDay, t } from '../i18n'
import { saveRecord } from '../store/records'
import { addDays } from '../time'
import type { LocalRecord, RecordType } from '../types'
import type { ScreenProps } from './props'

type Dated = LocalRecord<Record<string, unknown> & { date: string }>

interface Entry {
  type: RecordType
  record: Dated
  title: string
  details: string
}

const TYPE_ORDER: RecordType[] = ['check', 'efficiency_log', 'learning_session', 'contact']
const EDITABLE = new Set<RecordType>(['efficiency_log', 'learning_session', 'contact'])
const DAYS_PER_PAGE = 14

export function History(_props: ScreenProps) {
  const user = useUser()
  const day = useToday(user.time_zone)
  const logs = useRecords<Dated['fields']>('efficiency_log')
  const learning = useRecords<Dated['fields']>('learning_session')
  const contacts = useRecords<Dated['fields']>('contact')
  const checks = useRecords<CheckFields>('check')
  const items = useRecords<ChecklistItemFields>('checklist_item')
  const [editing, setEditing] = useState<string | null>(null)
  const [pages, setPages] = useState(1)

  if (!logs || !learning || !contacts || !checks || !items) {
    return (
      <div>
        <h1 tabIndex={-1}>{t('history.title')}</h1>
        <p class="loading">{t('app.loading')}</p>
      </div>
    )
  }

  const titles = new Map(items.map((i) => [i.id, i.fields.title]))
  const entries: Entry[] = []
  const add = (type: RecordType, rows: Dated[]) => {
    for (const record of rows) {
      if (typeof record.fields.date !== 'string') continue
      entries.push({ type, record, title: entryTitle(type, record.fields), details: entryDetails(type, record.fields) })
    }
  }
  add('efficiency_log', logs)
  add('learning_session', learning)
  add('contact', contacts)
  for (const c of checks) {
    if (!c.fields.done) continue
    entries.push({
      type: 'check',
      record: c as unknown as Dated,
      title: titles.get(c.fields.item) ?? t('history.gone_item'),
      details: '',
    })
  }

  const byDay = new Map<string, Entry[]>()
  for (const e of entries) {
    const list = byDay.get(e.record.fields.date) ?? []
    list.push(e)
    byDay.set(e.record.fields.date, list)
  }
  const days = [...byDay.keys()].sort().reverse()
  const shown = days.slice(0, pages * DAYS_PER_PAGE)

  const remove = async (entry: Entry) => {
    const { type, record } = entry
    if (editing === record.id) setEditing(null)
    await removeWithUndo(type, record.id, t('history.deleted', { title: entry.title || typeLabel(type) }))
  }

  const save = async (entry: Entry, parsed: Record<string, unknown>) => {
    const patch = changedFields(entry.record.fields, parsed)
    if (Object.keys(patch).length) await saveRecord(entry.type, entry.record.id, patch)
    setEditing(null)
    showToast(t('history.saved'))
  }

  const dayName = (date: string) =>
    date === day ? t('history.today') : date === addDays(day, -1) ? t('history.yesterday') : formatDay(date, date.slice(0, 4) !== day.slice(0, 4))

  return (
    <div class="history">
      <h1 tabIndex={-1}>{t('history.title')}</h1>
      {days.length === 0 ? (
        <div class="empty card">
          <p>{t('history.empty')}</p>
          <a href="/today">{t('history.empty_link')}</a>
        </div>
      ) : (
        shown.map((date) => {
          const list = byDay
            .get(date)!
            .sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.title.localeCompare(b.title))
          return (
            <section key={date} class="card history-day" data-testid="history-day" data-date={date} aria-labelledby={`day-${date}`}>
              <h2 id={`day-${date}`}>{dayName(date)}</h2>
              <ul class="plain">
                {list.map((entry) => {
                  const { record, type } = entry
                  const specs = SCHEMAS[type]
                  return (
                    <li key={`${type}:${record.id}`} class="entry" data-testid="history-entry" data-id={record.id} data-type={type}>
                      {editing === record.id && specs ? (
                        <EntryEditor
                          specs={specs}
                          initial={record.fields}
                          idPrefix={`edit-${record.id}`}
                          onSave={(parsed) => save(entry, parsed)}
                          onCancel={() => setEditing(null)}
                        />
                      ) : (
                        <div class="entry-row">
                          <div class="entry-text">
                            <span class={`badge ${type}`}>{typeLabel(type)}</span>
                            <span class="entry-title">{type === 'check' ? `✓ ${entry.title}` : entry.title}</span>
                            {entry.details && <p class="muted small">{entry.details}</p>}
                            {record.pending && <p class="unsynced small">{t('history.pending')}</p>}
                          </div>
                          <div class="entry-actions">
                            {EDITABLE.has(type) && (
                              <button type="button" class="btn small" data-testid="entry-edit" onClick={() => setEditing(record.id)}>
                                {t('history.edit')}
                                <span class="sr-only">: {entry.title}</span>
                              </button>
                            )}
                            <button type="button" class="btn small danger" data-testid="entry-delete" onClick={() => remove(entry)}>
                              {t('history.delete')}
                              <span class="sr-only">: {entry.title}</span>
                            </button>
                          </div>
                        </div>
                      )}
                    </li>
                  )
                })}
              </ul>
            </section>
          )
        })
      )}
      {days.length > shown.length && (
        <button type="button" class="btn wide" onClick={() => setPages(pages + 1)}>
          {t('history.more')}
        </button>
      )}
    </div>
  )
}
