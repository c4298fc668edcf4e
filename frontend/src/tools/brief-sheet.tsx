// The one-page brief: what she takes into the meeting, laid out for A4 (brief.css hides
// everything else when printing), shared as text, and, afterwards, her notes.
import { useRef, useState } from 'preact/hooks'

import { useToday, useUser } from '../components/context'
import { useRecords } from '../components/hooks'
import { showToast } from '../components/toast'
import { readLatestEarnings } from './earnings-latest'
import { getLang } from '../i18n'
import { t } from '../i18n/brief'
import { navigate } from '../router'
import type { LocalRecord } from '../types'
import {
  briefText,
  dayLabel,
  earningsEvidence,
  evidenceMonth,
  msg,
  pickedGoals,
  readEvidence,
  savedEvidence,
  savedInMonth,
  sheetSections,
  TEXT_MAX,
  type BriefFields,
  type GoalFields,
  type SheetInput,
} from './brief'
import { useBriefSaver } from './brief-save'

export function BriefSheet({ id, record }: { id: string; record: LocalRecord<BriefFields> }) {
  const user = useUser()
  const day = useToday(user.time_zone)
  const lang = getLang()
  const goals = useRecords<GoalFields>('goal')
  const logs = useRecords<{ date: string; minutes_saved: number }>('efficiency_log')
  const [notes, setNotes] = useState(record.fields.after_notes ?? '')
  const notesRef = useRef(notes)
  const saver = useBriefSaver(id, user.id, true, () => ({ ...record.fields, after_notes: notesRef.current }))
  const [copyText, setCopyText] = useState<string | null>(null)

  const brief = record.fields
  const choice = readEvidence(id)
  const evidence: string[] = []
  const earnings = choice.earnings ? readLatestEarnings() : null
  if (earnings) evidence.push(earningsEvidence(lang, earnings))
  if (choice.saved && logs) {
    const month = evidenceMonth(day, brief.meeting_on)
    const saved = savedInMonth(logs, month)
    if (saved.minutes > 0) evidence.push(savedEvidence(lang, month, saved))
  }
  const input: SheetInput = {
    brief,
    goals: pickedGoals(brief.goals ?? [], goals ?? []).map((g) => g.fields),
    evidence,
    name: user.display_name,
  }
  const sections = sheetSections(lang, input)

  const share = async () => {
    const text = briefText(lang, input)
    const title = msg(lang, 'brief.text_title', { date: dayLabel(lang, brief.meeting_on) })
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, text })
        return
      } catch (err) {
        if ((err as DOMException)?.name === 'AbortError') return // she closed the share sheet
      }
    }
    try {
      await navigator.clipboard.writeText(text)
      setCopyText(null)
      showToast(t('brief.copied'))
    } catch {
      // No clipboard (an old browser, no permission): show the text to copy by hand.
      setCopyText(text)
      showToast(t('brief.copy_failed'))
    }
  }

  return (
    <div class="brief brief-view">
      <div class="brief-noprint">
        <p class="brief-back">
          <a href="/brief">← {t('brief.back')}</a>
        </p>
        <h1 tabIndex={-1}>{t('brief.title')}</h1>
        <div class="actions brief-actions">
          <button type="button" class="btn primary" data-testid="brief-print" onClick={() => window.print()}>
            {t('brief.print')}
          </button>
          <button type="button" class="btn" data-testid="brief-share" onClick={share}>
            {t('brief.share')}
          </button>
          <button type="button" class="btn" data-testid="brief-edit" onClick={() => navigate(`/brief/${id}`)}>
            {t('brief.edit')}
          </button>
        </div>
        {copyText !== null && (
          <textarea class="brief-copy" readOnly rows={8} aria-label={t('brief.share')} value={copyText} onFocus={(e) => e.currentTarget.select()} />
        )}
      </div>

      <article class="brief-sheet" data-testid="brief-sheet" lang={lang} aria-labelledby="brief-sheet-title">
        <header class="brief-sheet-head">
          <h2 id="brief-sheet-title">{msg(lang, 'brief.sheet_title')}</h2>
          <p>
            {msg(lang, 'brief.sheet_meta', { date: dayLabel(lang, brief.meeting_on) })}
            {user.display_name ? ` · ${user.display_name}` : ''}
          </p>
        </header>
        {sections.map((section) => (
          <section key={section.key} class={`brief-sheet-part part-${section.key}`} data-part={section.key}>
            <h3>{section.heading}</h3>
            {section.list ? (
              <ul>
                {section.lines.map((line, n) => (
                  <li key={n}>{line}</li>
                ))}
              </ul>
            ) : (
              section.lines.map((line, n) => (
                <p key={n} class="brief-sheet-text">
                  {line}
                </p>
              ))
            )}
          </section>
        ))}
      </article>

      <section class="card brief-noprint brief-after" aria-labelledby="brief-after-title">
        <h2 id="brief-after-title">{t('brief.after_title')}</h2>
        <label for="brief-after-notes" class="brief-after-label">
          {t('brief.after_label')}
        </label>
        <textarea
          id="brief-after-notes"
          data-testid="brief-after-notes"
          rows={4}
          maxLength={TEXT_MAX}
          placeholder={t('brief.after_ph')}
          value={notes}
          onInput={(e) => {
            const value = e.currentTarget.value
            notesRef.current = value
            setNotes(value)
            saver.queue({ after_notes: value })
          }}
          onBlur={() => void saver.flush()}
        />
        <p class="muted small">{t('brief.autosave')}</p>
      </section>
    </div>
  )
}
