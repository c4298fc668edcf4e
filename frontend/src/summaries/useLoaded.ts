// A screen's view of loadWithCopy(): the saved copy as soon as it is read, then the
// server's answer (or the copy kept, marked as saved, when the fetch fails).
import { useCallback, useEffect, useState } from 'preact/hooks'

import type { Outcome } from './load'

export type Loaded<T> =
  | { phase: 'loading' }
  /** `copy`: what is shown is the saved copy (null once the server's answer is in). */
  | { phase: 'ready'; data: T; savedAt: string; copy: null | SavedState }
  | { phase: 'missing' }
  | { phase: 'failed'; offline: boolean; status: number }

/** Why a saved copy is on screen: still asking the server, or the server did not answer
 * (`offline`: no answer at all; `status`: the HTTP status it gave). */
export interface SavedState {
  offline: boolean
  checking: boolean
  status: number
}

type Loader<T> = (onCopy: (copy: { data: T; savedAt: string }) => void) => Promise<Outcome<T>>

/** Runs `load` whenever a value in `deps` changes; `retry()` runs it again. */
export function useLoaded<T>(load: Loader<T>, deps: unknown[]): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ phase: 'loading' })
  const [round, setRound] = useState(0)

  useEffect(() => {
    let alive = true
    setState((prev) => (prev.phase === 'ready' && round > 0 ? prev : { phase: 'loading' }))
    load((copy) => {
      if (alive) setState({ phase: 'ready', data: copy.data, savedAt: copy.savedAt, copy: { offline: false, checking: true, status: 0 } })
    }).then((outcome) => {
      if (!alive) return
      switch (outcome.kind) {
        case 'fresh':
          setState({ phase: 'ready', data: outcome.data, savedAt: outcome.savedAt, copy: null })
          break
        case 'copy':
          setState({ phase: 'ready', data: outcome.data, savedAt: outcome.savedAt, copy: { offline: outcome.offline, checking: false, status: outcome.status } })
          break
        case 'missing':
          setState({ phase: 'missing' })
          break
        case 'failed':
          setState({ phase: 'failed', offline: outcome.offline, status: outcome.status })
          break
      }
    }, (err) => {
      console.error('ippo: loading summaries', err)
      if (alive) setState({ phase: 'failed', offline: false, status: -1 })
    })
    return () => {
      alive = false
    }
    // `load` is a new closure each render; `deps` names what it reads.
  }, [...deps, round])

  const retry = useCallback(() => setRound((n) => n + 1), [])
  return [state, retry]
}
