// Her briefs, newest meeting first, each with its date, satisfaction and the first line
// of the work she wants; a new one starts with one tap, a deleted one comes back with undo.
import { useUser } from '../components/context'
import { useRecords } from '../components/hooks'
import { focusFirst, removeWithUndo } from '../components/remove'
import { getLang } from '../i18n'
import { t } from '../i18n/brief'
import { navigate } from '../router'
import { newId } from '../store/records'
import type { LocalRecord } from '../types'
import { dayLabel, findDraft, firstLine, sortBriefs, type BriefFields } from './brief'

export function BriefList() {
  const user = useUser()
  const briefs = useRecords<BriefFields>('meeting_brief')
  const lang = getLang()

  // A new brief she started and left before it could be saved is picked up, not lost.
  const start = () => navigate(`/brief/${findDraft(user.id) ?? newId()}?new=1`)

  const remove = async (brief: LocalRecord<BriefFields>) => {
    const date = dayLabel(lang, brief.fields.meeting_on)
    await removeWithUndo('meeting_brief', brief.id, t('brief.deleted', { date }), () => focusFirst('brief-list-title'))
  }

  return (
    <div class="brief">
      <h1 tabIndex={-1}>{t('brief.title')}</h1>
      <p class="lead">{t('brief.lead')}</p>
      <button type="button" class="btn primary wide" data-testid="brief-new" onClick={start}>
        {t('brief.new')}
      </button>
      <h2 class="brief-list-head" id="brief-list-title" tabIndex={-1}>{t('brief.history')}</h2>
      {!briefs ? (
        <p class="loading">{t('app.loading')}</p>
      ) : briefs.length === 0 ? (
        <div class="empty card" data-testid="briefs-empty">
          <p>
            <strong>{t('brief.empty_title')}</strong>
          </p>
          <p>{t('brief.empty_body')}</p>
        </div>
      ) : (
        <ul class="plain brief-list" aria-label={t('brief.list_label')}>
          {sortBriefs(briefs).map((brief) => {
            const date = dayLabel(lang, brief.fields.meeting_on)
            const wanted = firstLine(brief.fields.wanted_work)
            return (
              <li key={brief.id} class="card brief-item" data-testid="brief-item" data-id={brief.id} data-date={brief.fields.meeting_on} data-satisfaction={String(brief.fields.satisfaction)}>
                <a class="brief-item-link" href={`/brief/${brief.id}?view=sheet`}>
                  <span class="brief-item-top">
                    <strong>{date}</strong>
                    <span class="brief-sat-chip">{t('brief.item_satisfaction', { n: brief.fields.satisfaction })}</span>
                  </span>
                  <span class={wanted ? 'brief-item-wanted' : 'brief-item-wanted muted'}>{wanted || t('brief.no_wanted')}</span>
                  {brief.pending && <span class="unsynced small">{t('brief.pending')}</span>}
                </a>
                <button type="button" class="btn small danger" data-testid="brief-delete" onClick={() => remove(brief)}>
                  {t('brief.delete')}
                  <span class="sr-only">: {date}</span>
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
