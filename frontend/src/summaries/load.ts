// Fetching her summaries with a saved copy to fall back on: the copy shows at once while
// the network answers (a train between tunnels can take long), a fresh answer replaces it
// and is kept, and when the fetch fails the copy stays, marked as saved. No UI here.
import { api, ApiError } from '../api'
import { dropCopy, keepCopy, LIST_KEY, readCopy } from './cache'
import type { SummaryDetail, SummaryListItem } from './types'

export type Outcome<T> =
  /** The server's answer, just kept as the copy. */
  | { kind: 'fresh'; data: T; savedAt: string }
  /** The fetch failed; this is the copy saved at `savedAt`. `offline`: no answer at all. */
  | { kind: 'copy'; data: T; savedAt: string; offline: boolean; status: number }
  /** The server has no such summary (404); any copy of it is gone too. */
  | { kind: 'missing' }
  /** The fetch failed and this phone has no copy. */
  | { kind: 'failed'; offline: boolean; status: number }

export interface LoadOptions<T> {
  user: number
  key: string
  path: string
  /** Called with the saved copy if it is read before the server answers. */
  onCopy?: (copy: { data: T; savedAt: string }) => void
  now?: () => Date
}

export async function loadWithCopy<T>({ user, key, path, onCopy, now = () => new Date() }: LoadOptions<T>): Promise<Outcome<T>> {
  let answered = false
  const copy = readCopy<T>(user, key).then((saved) => {
    if (saved && !answered && onCopy) onCopy({ data: saved.data, savedAt: saved.saved_at })
    return saved
  })
  try {
    const data = await api<T>('GET', path)
    answered = true
    const at = now()
    await keepCopy(user, key, data, at)
    return { kind: 'fresh', data, savedAt: at.toISOString() }
  } catch (err) {
    answered = true
    const status = err instanceof ApiError ? err.status : -1
    if (status === 404) {
      await copy
      await dropCopy(user, key)
      return { kind: 'missing' }
    }
    if (!(err instanceof ApiError)) console.error('ippo: loading a summary', err)
    const saved = await copy
    if (saved) return { kind: 'copy', data: saved.data, savedAt: saved.saved_at, offline: status === 0, status }
    return { kind: 'failed', offline: status === 0, status }
  }
}

/** Her months, newest first. */
export function loadSummaryList(user: number, onCopy?: LoadOptions<SummaryListItem[]>['onCopy']) {
  return loadWithCopy<SummaryListItem[]>({ user, key: LIST_KEY, path: '/api/summaries', onCopy })
}

/** One month's stored figures ("2026-11"). */
export function loadSummary(user: number, month: string, onCopy?: LoadOptions<SummaryDetail>['onCopy']) {
  return loadWithCopy<SummaryDetail>({ user, key: month, path: `/api/summaries/${month}`, onCopy })
}

// Today's card asks at most once per page load; the list screen refreshes the copy anyway.
const asked = new Map<number, Promise<unknown>>()

/**
 * Whether she has a summary of `month`: the saved list answers at once, and the server is
 * asked once per page load (its answer is kept for the next time).
 */
export async function hasSummary(user: number, month: string): Promise<boolean> {
  const saved = await readCopy<SummaryListItem[]>(user, LIST_KEY)
  if (saved?.data.some((s) => s.month === month)) return true
  let asking = asked.get(user)
  if (!asking) {
    asking = loadSummaryList(user).catch(() => undefined)
    asked.set(user, asking)
  }
  await asking
  const fresh = await readCopy<SummaryListItem[]>(user, LIST_KEY)
  return Boolean(fresh?.data.some((s) => s.month === month))
}
