// The 1:1 meeting brief (remedy 1): /brief lists her briefs and starts a new one;
// /brief/:id is one brief, as a form (?view absent) or as the one-page sheet
// (?view=sheet) she prints or shares, with the after-meeting notes. Works offline on the
// local meeting_brief records.
import '../tools/brief.css'

import { useEffect, useState } from 'preact/hooks'

import { useUser } from '../components/context'

import { t } from '../i18n/brief'
import { getRecord, subscribe } from '../store/records'
import { readDraft, type BriefFields } from '../tools/brief'
import { BriefForm } from '../tools/brief-form'
import { BriefList } from '../tools/brief-list'
import { BriefSheet } from '../tools/brief-sheet'
import type { LocalRecord } from '../types'
import type { ScreenProps } from './props'

export default function Brief({ params, query }: ScreenProps) {
  if (!params.id) return <BriefList />
  return <BriefDetail key={params.id} id={params.id} sheet={query.get('view') === 'sheet'} isNew={query.get('new') === '1'} />
}

type Loaded = { loading: true } | { loading: false; record?: LocalRecord<BriefFields>; error?: boolean }

/**
 * One brief, kept current with the store (a pull from another device shows up here).
 * Read afresh when the view changes, so the sheet never judges a just-created brief by a
 * read made before it was saved.
 */
function useBrief(id: string, view: string): Loaded {
  const [state, setState] = useState<Loaded>({ loading: true })
  useEffect(() => {
    let alive = true
    setState({ loading: true })
    const read = () =>
      getRecord<BriefFields>('meeting_brief', id).then(
        (record) => alive && setState({ loading: false, record }),
        (err) => {
          console.error('ippo: reading the brief', err)
          if (alive) setState({ loading: false, error: true })
        },
      )
    void read()
    const stop = subscribe(() => void read())
    return () => {
      alive = false
      stop()
    }
  }, [id, view])
  return state
}

function BriefDetail({ id, sheet, isNew }: { id: string; sheet: boolean; isNew: boolean }) {
  const user = useUser()
  const state = useBrief(id, sheet ? 'sheet' : 'form')
  // The form takes its starting values once; afterwards what she types is the truth.
  const [start, setStart] = useState<{ values: Partial<BriefFields>; exists: boolean } | null>(null)
  const live = !state.loading && state.record && !state.record.deleted ? state.record : undefined

  useEffect(() => {
    if (sheet) setStart(null)
    else if (!state.loading && !start) {
      if (live) setStart({ values: live.fields, exists: true })
      else {
        const draft = readDraft(id, user.id)
        if (draft || isNew) setStart({ values: draft ?? {}, exists: false })
      }
    }
  }, [state, sheet])

  if (state.loading) return <p class="loading">{t('app.loading')}</p>
  if (sheet && live) return <BriefSheet id={id} record={live} />
  if (!sheet && start) return <BriefForm id={id} initial={start.values} exists={start.exists} />
  if (!sheet && (live || isNew || readDraft(id, user.id))) return <p class="loading">{t('app.loading')}</p>
  return (
    <div class="brief">
      <h1 tabIndex={-1}>{t('brief.title')}</h1>
      <p class="empty card" role={state.error ? 'alert' : undefined} data-testid="brief-missing">
        {state.error ? t('brief.read_failed') : t('brief.not_found')}
      </p>
      <a class="btn" href="/brief">
        {t('brief.back')}
      </a>
    </div>
  )
}
