// What Today's small card needs: last month's summary, if it has arrived and she has not
// opened it yet. Loaded on demand by src/components/SummaryCard.tsx, so none of this
// weighs on the first load.
import type { Lang } from '../i18n'
import { formatMonth, monthBefore } from './compare'
import { hasSummary } from './load'
import { lastSeen } from './seen'

export async function summaryToShow(userId: number, day: string, lang: Lang): Promise<{ month: string; name: string } | null> {
  const month = monthBefore(day)
  const seen = lastSeen(userId)
  if (seen && seen >= month) return null
  if (!(await hasSummary(userId, month))) return null
  return { month, name: formatMonth(month, lang) }
}
