// Today's small card: "your summary for November is here", until she has opened it. The
// look-up lives in a lazy chunk (src/summaries/teaser.ts); until it answers, nothing shows.
import { useEffect, useState } from 'preact/hooks'

import { getLang, t } from '../i18n'

export function SummaryCard({ userId, day }: { userId: number; day: string }) {
  const lang = getLang()
  const [found, setFound] = useState<{ month: string; name: string } | null>(null)
  useEffect(() => {
    let alive = true
    import('../summaries/teaser')
      .then((m) => m.summaryToShow(userId, day, lang))
      .then(
        (next) => alive && setFound(next),
        () => undefined, // offline before the chunk was cached: no card, nothing lost
      )
    return () => {
      alive = false
    }
  }, [userId, day, lang])
  if (!found) return null
  return (
    <a class="card link-row summary-ready" href={`/summaries/${found.month}`} data-testid="today-summary" data-month={found.month}>
      <span>
        <strong>{t('today.summary_ready', { month: found.name })}</strong>
        <span class="muted small">{t('today.summary_open')}</span>
      </span>
      <span class="link-row-go" aria-hidden="true">›</span>
    </a>
  )
}
