// One-line descriptions of records, shared by History and the rejected-ops panel.
import { formatMinutes, t } from '../i18n'
import { choiceLabel } from '../records/schema'

function num(value: unknown): number {
  const n = Number(value)
  return Number.isFinite(n) ? n : 0
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** The headline of an entry: what it was about. */
export function entryTitle(type: string, f: Record<string, unknown>): string {
  switch (type) {
    case 'efficiency_log':
      return str(f.task)
    case 'learning_session':
      return str(f.topic)
    case 'contact':
      return str(f.name)
    case 'checklist_item':
    case 'goal':
      return str(f.title)
    case 'employer':
      return str(f.name)
    case 'career_mode':
      return f.mode ? choiceLabel('mode', str(f.mode)) : ''
    default:
      return str(f.date)
  }
}

/** The figures of an entry, e.g. "60分 · 20分短縮 · 3件". */
export function entryDetails(type: string, f: Record<string, unknown>): string {
  const parts: string[] = []
  switch (type) {
    case 'efficiency_log':
      if (f.minutes_spent !== undefined) parts.push(t('summary.spent', { time: formatMinutes(num(f.minutes_spent)) }))
      if (num(f.minutes_saved) > 0) parts.push(t('summary.saved', { time: formatMinutes(num(f.minutes_saved)) }))
      if (f.outcome_value !== null && f.outcome_value !== undefined && f.outcome_value !== '')
        parts.push(`${num(f.outcome_value)}${str(f.outcome_unit) ? ` ${str(f.outcome_unit)}` : ''}`)
      if (str(f.improvement)) parts.push(str(f.improvement))
      break
    case 'learning_session':
      if (f.minutes !== undefined) parts.push(formatMinutes(num(f.minutes)))
      if (f.place) parts.push(choiceLabel('place', str(f.place)))
      break
    case 'contact':
      if (f.kind) parts.push(choiceLabel('kind', str(f.kind)))
      if (str(f.organisation)) parts.push(str(f.organisation))
      break
  }
  if (str(f.note)) parts.push(str(f.note))
  return parts.join(' · ')
}
