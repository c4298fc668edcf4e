// Today's checklist: one tap ticks an item (a check record per item per day, with an id
// every device derives the same way), streaks, and adding/renaming/archiving items.
import { useEffect, useState } from 'preact/hooks'

import { t } from '../i18n'
import { streakOf } from '../rules/today'
import { checkId, newId, saveRecord } from '../store/records'
import type { LocalRecord } from '../types'
import type { CheckFields, ChecklistItemFields } from '../records/schema'
import { showToast } from './toast'
import { toneKey, type Tone } from './tone'

type Item = LocalRecord<ChecklistItemFields>
type Check = LocalRecord<CheckFields>

function byPosition(a: Item, b: Item): number {
  return (a.fields.position ?? 0) - (b.fields.position ?? 0) || a.fields.title.localeCompare(b.fields.title)
}

interface Props {
  items: Item[] | null
  checks: Check[] | null
  day: string
  tone: Tone
}

export function Checklist({ items, checks, day, tone }: Props) {
  // A tap shows at once; the store's answer replaces it a moment later.
  const [flipped, setFlipped] = useState<Record<string, boolean>>({})
  const [editing, setEditing] = useState<string | null>(null)
  useEffect(() => setFlipped({}), [checks])

  if (!items || !checks) return <p class="loading">{t('app.loading')}</p>

  const doneDates = new Map<string, Set<string>>()
  for (const c of checks) {
    if (!c.fields.done) continue
    let set = doneDates.get(c.fields.item)
    if (!set) doneDates.set(c.fields.item, (set = new Set()))
    set.add(c.fields.date)
  }

  const live = items.filter((i) => !i.fields.archived).sort(byPosition)
  const archived = items.filter((i) => i.fields.archived).sort(byPosition)
  const doneToday = (id: string) => flipped[id] ?? Boolean(doneDates.get(id)?.has(day))
  const doneCount = live.filter((i) => doneToday(i.id)).length

  const toggle = async (item: Item) => {
    const was = doneToday(item.id)
    // Save first, draw after: the re-render of the list takes longer than the write, and
    // IndexedDB answers on this same thread, so drawing first would hold the save back.
    // A write slower than 50 ms (a busy phone) gets the tick drawn ahead of it.
    const flip = () => setFlipped((prev) => ({ ...prev, [item.id]: !was }))
    const early = setTimeout(flip, 50)
    try {
      const id = checkId(item.id, day)
      await saveRecord<CheckFields>('check', id, { item: item.id, date: day, done: !was })
      clearTimeout(early)
      flip()
      const title = item.fields.title
      showToast(t(was ? 'check.undone_toast' : 'check.done_toast', { title }), {
        undo: () => saveRecord<CheckFields>('check', id, { item: item.id, date: day, done: was }),
      })
    } catch (err) {
      clearTimeout(early)
      console.error('ippo: tick', err)
      setFlipped(({ [item.id]: _gone, ...rest }) => rest)
      showToast(t('form.save_failed'))
    }
  }

  const archive = async (item: Item, value: boolean) => {
    await saveRecord<ChecklistItemFields>('checklist_item', item.id, { archived: value })
    setEditing(null)
    showToast(t(value ? 'checklist.archived_toast' : 'checklist.restored_toast', { title: item.fields.title }), {
      undo: () => saveRecord<ChecklistItemFields>('checklist_item', item.id, { archived: !value }),
    })
  }

  const nextPosition = Math.max(-1, ...items.map((i) => i.fields.position ?? 0)) + 1

  return (
    <section class="card" aria-labelledby="checklist-title">
      <div class="card-head">
        <h2 id="checklist-title">{t('checklist.title')}</h2>
        {live.length > 0 && (
          <span class="muted small">{t('checklist.progress', { done: doneCount, total: live.length })}</span>
        )}
      </div>
      {live.length === 0 ? (
        <div class="empty">
          <p>{t('checklist.empty')}</p>
          <a href="/welcome">{t('checklist.starter_link')}</a>
        </div>
      ) : (
        <ul class="plain checklist">
          {live.map((item) => {
            const done = doneToday(item.id)
            const dates = new Set(doneDates.get(item.id))
            if (flipped[item.id] === true) dates.add(day)
            if (flipped[item.id] === false) dates.delete(day)
            const streak = streakOf(dates, day)
            return (
              <li key={item.id} class={done ? 'check-row done' : 'check-row'}>
                {editing === item.id ? (
                  <ItemEditor item={item} onDone={() => setEditing(null)} onArchive={() => archive(item, true)} />
                ) : (
                  <>
                    <button type="button" class="check-toggle" data-testid="check-toggle" data-item-id={item.id}
                      aria-pressed={done ? 'true' : 'false'} onClick={() => toggle(item)}>
                      <span class="box" aria-hidden="true">{done ? '✓' : ''}</span>
                      <span class="check-title">{item.fields.title}</span>
                    </button>
                    <span class={streak ? 'streak' : 'streak zero'} title={t('checklist.streak_title')}>
                      <span data-testid="streak">{streak}</span>
                      <span class="streak-unit">{t('checklist.streak_unit')}</span>
                    </span>
                    <button type="button" class="icon-btn" onClick={() => setEditing(item.id)}>
                      <span aria-hidden="true">⋯</span>
                      <span class="sr-only">{t('checklist.edit', { title: item.fields.title })}</span>
                    </button>
                  </>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {live.length > 0 && (
        <p class={doneCount === live.length ? 'cheer' : 'muted small'}>
          {t(toneKey(tone, doneCount === live.length ? 'all_done' : 'streak_hint'))}
        </p>
      )}
      <AddItem position={nextPosition} />
      {archived.length > 0 && (
        <details class="archived">
          <summary>{t('checklist.archived', { n: archived.length })}</summary>
          <ul class="plain">
            {archived.map((item) => (
              <li key={item.id} class="row">
                <span>{item.fields.title}</span>
                <button type="button" class="btn small" onClick={() => archive(item, false)}>
                  {t('checklist.restore')}
                  <span class="sr-only">: {item.fields.title}</span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}

function ItemEditor({ item, onDone, onArchive }: { item: Item; onDone(): void; onArchive(): void }) {
  const [title, setTitle] = useState(item.fields.title)
  const [error, setError] = useState('')
  const id = `item-title-${item.id}`

  const save = async (e: Event) => {
    e.preventDefault()
    const clean = title.trim()
    if (!clean) return setError(t('err.required'))
    if ([...clean].length > 120) return setError(t('err.max_length', { max: 120 }))
    if (clean !== item.fields.title) await saveRecord<ChecklistItemFields>('checklist_item', item.id, { title: clean })
    onDone()
  }

  return (
    <form class="item-editor" noValidate onSubmit={save}>
      <div class="field">
        <label for={id}>{t('checklist.rename_label')}</label>
        <input id={id} type="text" maxLength={120} value={title} autoFocus onInput={(e) => setTitle(e.currentTarget.value)}
          aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-err` : undefined} />
        {error && <p class="field-error" id={`${id}-err`}>{error}</p>}
      </div>
      <div class="actions">
        <button type="submit" class="btn primary">{t('form.save')}</button>
        <button type="button" class="btn" onClick={onArchive}>{t('checklist.archive')}</button>
        <button type="button" class="btn" onClick={onDone}>{t('form.cancel')}</button>
      </div>
    </form>
  )
}

function AddItem({ position }: { position: number }) {
  const [title, setTitle] = useState('')
  const [error, setError] = useState('')

  const add = async (e: Event) => {
    e.preventDefault()
    const clean = title.trim()
    if (!clean) return setError(t('err.required'))
    if ([...clean].length > 120) return setError(t('err.max_length', { max: 120 }))
    setError('')
    await saveRecord<ChecklistItemFields>('checklist_item', newId(), { title: clean, position, archived: false, starter_key: null })
    setTitle('')
    showToast(t('checklist.added_toast', { title: clean }))
  }

  return (
    <form class="add-item" noValidate onSubmit={add}>
      <label for="checklist-new">{t('checklist.add_label')}</label>
      <div class="inline">
        <input id="checklist-new" data-testid="checklist-new" type="text" maxLength={120} value={title}
          placeholder={t('checklist.add_ph')} onInput={(e) => setTitle(e.currentTarget.value)}
          aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'checklist-new-err' : undefined} />
        <button type="submit" class="btn" data-testid="checklist-add">{t('checklist.add')}</button>
      </div>
      {error && <p class="field-error" id="checklist-new-err">{error}</p>}
    </form>
  )
}
