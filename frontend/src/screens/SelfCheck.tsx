// The self-check: the statements from content/selfcheck.yaml with four large answers
// each, scored on the phone (src/tools/selfcheck.ts, the same integer formula as the
// server), saved as a self_check record, with its band, history and trend. Offline it
// works the same: the questionnaire is in this chunk and the record waits in the outbox.
import '../guide/guide.css'

import { useEffect, useMemo, useState } from 'preact/hooks'

import { useToday, useUser } from '../components/context'
import { useRecords } from '../components/hooks'
import { showToast } from '../components/toast'
import { findChapter } from '../guide/content'
import { toolsFor } from '../guide/tools'
import { formatDay, getLang, locale } from '../i18n'
import { t, type GuideKey } from '../i18n/guide'
import { newId, saveRecord } from '../store/records'
import { daysBetween } from '../time'
import { LineChart } from '../tools/line-chart'
import { bandFor, isComplete, score, type Answers, type Area, type Band } from '../tools/selfcheck'
import { QUESTIONNAIRE as Q } from '../tools/selfcheck-questionnaire'
import type { LocalRecord } from '../types'
import type { ScreenProps } from './props'

export interface SelfCheckFields {
  date: string
  questionnaire: string
  answers: Answers
  /** Worked out by the server (a pulled record has it); the phone scores the answers itself. */
  score?: number
}

interface Taken {
  record: LocalRecord<SelfCheckFields>
  date: string
  score: number
  /** Only for answers to the current questionnaire: an older one had other bands. */
  band: Band | null
}

/** Past this many days since the last self-check, the screen suggests taking it again. */
export const RETAKE_AFTER_DAYS = 30

const AREA_TITLES: Record<Area, GuideKey> = {
  sign: 'selfcheck.area.sign',
  element: 'selfcheck.area.element',
  cause: 'selfcheck.area.cause',
}

function scored(record: LocalRecord<SelfCheckFields>): Taken | null {
  const { date, questionnaire, answers } = record.fields
  if (typeof date !== 'string') return null
  if (questionnaire === Q.version && answers && typeof answers === 'object') {
    const value = score(Q, answers)
    return { record, date, score: value, band: bandFor(Q, value) }
  }
  if (typeof record.fields.score === 'number') return { record, date, score: record.fields.score, band: null }
  return null
}

/** Oldest first; on one day, the order they reached the server (unsent ones last). */
function byTime(a: Taken, b: Taken): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1
  const va = a.record.version || Number.MAX_SAFE_INTEGER
  const vb = b.record.version || Number.MAX_SAFE_INTEGER
  return va - vb
}

const draftKey = (userId: number) => `ippo.selfcheck.draft.${userId}`

function readDraft(userId: number): Answers {
  try {
    const saved = JSON.parse(localStorage.getItem(draftKey(userId)) ?? 'null') as { version?: string; answers?: Answers } | null
    return saved && saved.version === Q.version && saved.answers ? saved.answers : {}
  } catch {
    return {}
  }
}

function writeDraft(userId: number, answers: Answers | null): void {
  try {
    if (answers) localStorage.setItem(draftKey(userId), JSON.stringify({ version: Q.version, answers }))
    else localStorage.removeItem(draftKey(userId))
  } catch {
    // Private mode or a full disk: the draft is a convenience only.
  }
}

function shortDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Intl.DateTimeFormat(locale(), { month: 'numeric', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)))
}

export default function SelfCheck(_props: ScreenProps) {
  const user = useUser()
  const day = useToday(user.time_zone)
  const lang = getLang()
  const records = useRecords<SelfCheckFields>('self_check')
  const [answers, setAnswers] = useState<Answers>(() => readDraft(user.id))
  const [taking, setTaking] = useState<boolean | null>(null)
  const [missing, setMissing] = useState(0)
  const [saving, setSaving] = useState(false)

  const history = useMemo(
    () => (records ?? []).map(scored).filter((x): x is Taken => x !== null).sort(byTime),
    [records],
  )
  const latest = history[history.length - 1]
  const previous = history[history.length - 2]
  const age = latest ? daysBetween(latest.date, day) : null
  const showForm = taking ?? (records !== null && history.length === 0)
  const answered = Q.questions.filter((q) => Number.isInteger(answers[q.key])).length

  // Back to the result: start reading at it.
  useEffect(() => {
    if (taking === false) document.getElementById('selfcheck-result-title')?.focus()
  }, [taking, latest?.record.id])

  const answer = (key: string, value: number) => {
    const next = { ...answers, [key]: value }
    setAnswers(next)
    writeDraft(user.id, next)
    if (missing) setMissing(Q.questions.filter((q) => !Number.isInteger(next[q.key])).length)
  }

  const start = () => {
    setAnswers({})
    writeDraft(user.id, null)
    setMissing(0)
    setTaking(true)
    requestAnimationFrame(() => document.getElementById('selfcheck-form-title')?.focus())
  }

  const submit = async (event: Event) => {
    event.preventDefault()
    if (!isComplete(Q, answers)) {
      const gaps = Q.questions.filter((q) => !Number.isInteger(answers[q.key]))
      setMissing(gaps.length)
      document.querySelector<HTMLInputElement>(`input[name="sc-${gaps[0].key}"]`)?.focus()
      return
    }
    setSaving(true)
    try {
      const chosen: Answers = {}
      for (const q of Q.questions) chosen[q.key] = answers[q.key]
      await saveRecord<SelfCheckFields>('self_check', newId(), { date: day, questionnaire: Q.version, answers: chosen })
      writeDraft(user.id, null)
      setAnswers({})
      setTaking(false)
      showToast(t('selfcheck.saved'))
    } catch (err) {
      console.error('ippo: self-check', err)
      showToast(t('form.save_failed'))
    } finally {
      setSaving(false)
    }
  }

  if (records === null) {
    return (
      <div class="selfcheck">
        <h1 tabIndex={-1}>{t('selfcheck.title')}</h1>
        <p class="loading">{t('app.loading')}</p>
      </div>
    )
  }

  const areas: Area[] = []
  for (const q of Q.questions) if (!areas.includes(q.area)) areas.push(q.area)

  return (
    <div class="selfcheck">
      <h1 tabIndex={-1}>{t('selfcheck.title')}</h1>
      <p class="lead">{t('selfcheck.lead')}</p>

      {!showForm && latest && age !== null && age > RETAKE_AFTER_DAYS && (
        <div class="note" data-testid="selfcheck-prompt">
          <p>{t('selfcheck.retake_prompt', { date: formatDay(latest.date), n: age })}</p>
        </div>
      )}

      {!showForm && latest && <Result taken={latest} previous={previous} lang={lang} />}

      {!showForm && (
        <button type="button" class="btn primary wide retake" data-testid="selfcheck-start" onClick={start}>
          {t('selfcheck.retake')}
        </button>
      )}

      {showForm && (
        <form class="selfcheck-form" noValidate onSubmit={submit} data-testid="selfcheck-form">
          <h2 id="selfcheck-form-title" tabIndex={-1}>
            {t('selfcheck.form_title')}
          </h2>
          <p class="muted small">{t('selfcheck.how')}</p>
          {areas.map((area) => (
            <section key={area} aria-labelledby={`sc-area-${area}`}>
              <h3 id={`sc-area-${area}`} class="area-title">
                {t(AREA_TITLES[area])}
              </h3>
              {Q.questions
                .filter((q) => q.area === area)
                .map((q) => {
                  const value = answers[q.key]
                  const unanswered = missing > 0 && !Number.isInteger(value)
                  return (
                    <fieldset
                      key={q.key}
                      class={unanswered ? 'question unanswered' : 'question'}
                      data-testid="selfcheck-question"
                      data-key={q.key}
                    >
                      <legend>{q[lang]}</legend>
                      <div class="scale">
                        {Q.scale.map((step) => (
                          <label key={step.value} class={value === step.value ? 'scale-option on' : 'scale-option'}>
                            <input
                              type="radio"
                              name={`sc-${q.key}`}
                              value={String(step.value)}
                              checked={value === step.value}
                              onChange={() => answer(q.key, step.value)}
                              data-testid="selfcheck-answer"
                              data-value={String(step.value)}
                            />
                            <span>{step[lang]}</span>
                          </label>
                        ))}
                      </div>
                    </fieldset>
                  )
                })}
            </section>
          ))}
          <p class="muted small" data-testid="selfcheck-progress" aria-live="polite">
            {t('selfcheck.progress', { n: answered, total: Q.questions.length })}
          </p>
          {missing > 0 && (
            <p class="field-error" role="alert">
              {t('selfcheck.missing', { n: missing })}
            </p>
          )}
          <button type="submit" class="btn primary wide" data-testid="selfcheck-submit" disabled={saving}>
            {t('selfcheck.submit')}
          </button>
          {latest && (
            <button type="button" class="btn wide" onClick={() => setTaking(false)}>
              {t('form.cancel')}
            </button>
          )}
        </form>
      )}

      {history.length > 0 && <History history={history} lang={lang} />}
    </div>
  )
}

function Result({ taken, previous, lang }: { taken: Taken; previous?: Taken; lang: 'ja' | 'en' }) {
  const band = taken.band
  const chapters = band ? band.chapters.map((slug) => findChapter(lang, slug)).filter((c) => c !== undefined) : []
  const tools = band ? toolsFor(band.tools.filter((key) => key !== 'selfcheck')) : []
  let trend: string | null = null
  if (previous) {
    const change = taken.score - previous.score
    trend =
      change < 0
        ? t('selfcheck.trend_down', { n: -change })
        : change > 0
          ? t('selfcheck.trend_up', { n: change })
          : t('selfcheck.trend_same')
  }
  return (
    <section
      class="card result"
      aria-labelledby="selfcheck-result-title"
      data-testid="selfcheck-result"
      data-score={String(taken.score)}
      data-band={band?.key ?? ''}
      data-id={taken.record.id}
    >
      <h2 id="selfcheck-result-title" tabIndex={-1}>
        {t('selfcheck.result_title', { date: formatDay(taken.date) })}
      </h2>
      <p class="score">
        <span class="score-value" data-testid="selfcheck-score">
          {taken.score}
        </span>
        <span class="muted"> / 100</span>
      </p>
      <p class="muted small">{t('selfcheck.score_meaning')}</p>
      {trend && <p class="trend">{trend}</p>}
      {band && (
        <>
          <h3 class="band-title">{band[lang].title}</h3>
          <p>{band[lang].text}</p>
        </>
      )}
      {taken.record.pending && <p class="unsynced small">{t('history.pending')}</p>}
      {chapters.length > 0 && (
        <>
          <h3>{t('selfcheck.read_next')}</h3>
          <ul class="link-list">
            {chapters.map((chapter) => (
              <li key={chapter.slug}>
                <a href={`/guide/${chapter.slug}`}>{chapter.title}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {tools.length > 0 && (
        <div class="actions">
          {tools.map((tool) => (
            <a key={tool.key} class="btn" href={tool.path} data-testid="selfcheck-tool" data-tool={tool.key}>
              {t(tool.label)}
            </a>
          ))}
        </div>
      )}
    </section>
  )
}

function History({ history, lang }: { history: Taken[]; lang: 'ja' | 'en' }) {
  const first = history[0]
  const last = history[history.length - 1]
  const desc = t('selfcheck.chart_desc', {
    n: history.length,
    first: formatDay(first.date, true),
    from: first.score,
    last: formatDay(last.date, true),
    to: last.score,
  })
  return (
    <section class="card" aria-labelledby="selfcheck-history">
      <h2 id="selfcheck-history">{t('selfcheck.history')}</h2>
      {history.length > 1 && (
        <LineChart
          id="selfcheck-chart"
          testid="selfcheck-chart"
          points={history.map((h) => ({ label: shortDay(h.date), value: h.score }))}
          min={0}
          max={100}
          ticks={[0, 25, 50, 75, 100]}
          formatTick={String}
          title={t('selfcheck.chart_title')}
          desc={desc}
        />
      )}
      <table class="table">
        <caption class="sr-only">{t('selfcheck.table_caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.date')}</th>
            <th scope="col" class="num">
              {t('selfcheck.score')}
            </th>
            <th scope="col">{t('selfcheck.band')}</th>
          </tr>
        </thead>
        <tbody>
          {[...history].reverse().map((h) => (
            <tr key={h.record.id} data-testid="selfcheck-history-row" data-score={String(h.score)}>
              <th scope="row">{formatDay(h.date, true)}</th>
              <td class="num">{h.score}</td>
              <td>{h.band ? h.band[lang].title : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
