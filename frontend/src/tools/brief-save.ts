// Saving the brief as she types: changes are gathered for a moment and written as one
// patch (one outbox op), at once on a tap, and on blur, leaving the screen or hiding the
// app, so a train door closing loses nothing. Until the brief has a date and a
// satisfaction (the server's required fields), it is kept as a local draft instead.
import { useEffect, useRef, useState } from 'preact/hooks'

import { showToast } from '../components/toast'
import { t } from '../i18n/brief'
import { saveRecord } from '../store/records'
import { isDate } from '../time'
import { writeDraft, type BriefFields } from './brief'

const DELAY_MS = 700

export interface Saver {
  /** Queue a patch; `now` writes it (and anything queued) straight away. */
  queue(patch: Partial<BriefFields>, now?: boolean): void
  /** Writes what is queued; false when it could not be stored. */
  flush(): Promise<boolean>
  /** True once the record exists on this device. */
  exists(): boolean
  failed: boolean
}

function complete(values: Partial<BriefFields>): BriefFields {
  return {
    meeting_on: values.meeting_on ?? '',
    satisfaction: values.satisfaction ?? 0,
    wanted_work: values.wanted_work ?? '',
    time_plan: values.time_plan ?? '',
    company_benefit: values.company_benefit ?? '',
    asks: values.asks ?? '',
    after_notes: values.after_notes ?? '',
    goals: values.goals ?? [],
  }
}

export function useBriefSaver(
  id: string,
  userId: number,
  existsAtStart: boolean,
  current: () => Partial<BriefFields>,
): Saver {
  const exists = useRef(existsAtStart)
  const queued = useRef<Partial<BriefFields>>({})
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const running = useRef<Promise<boolean>>(Promise.resolve(true))
  const currentRef = useRef(current)
  currentRef.current = current
  const [failed, setFailed] = useState(false)

  const write = async (): Promise<boolean> => {
    clearTimeout(timer.current)
    const patch = queued.current
    queued.current = {}
    if (exists.current) {
      if (Object.keys(patch).length === 0) return true
      try {
        await saveRecord<BriefFields>('meeting_brief', id, patch)
        setFailed(false)
        return true
      } catch (err) {
        console.error('ippo: saving the brief', err)
        queued.current = { ...patch, ...queued.current } // tried again with the next change
        setFailed(true)
        showToast(t('brief.save_failed'))
        return false
      }
    }
    const values = currentRef.current()
    if (values.satisfaction && values.meeting_on && isDate(values.meeting_on)) {
      try {
        await saveRecord<BriefFields>('meeting_brief', id, complete(values))
        exists.current = true
        writeDraft(id, userId, null)
        setFailed(false)
        return true
      } catch (err) {
        console.error('ippo: creating the brief', err)
        writeDraft(id, userId, values)
        setFailed(true)
        showToast(t('brief.save_failed'))
        return false
      }
    }
    if (Object.keys(patch).length) writeDraft(id, userId, values)
    return false
  }

  // One write at a time, in order: a patch never overtakes the one that creates the record.
  const flush = () => {
    running.current = running.current.then(write, write)
    return running.current
  }
  const flushRef = useRef(flush)
  flushRef.current = flush

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flushRef.current()
    }
    const onPageHide = () => void flushRef.current()
    document.addEventListener('visibilitychange', onHide)
    window.addEventListener('pagehide', onPageHide)
    return () => {
      document.removeEventListener('visibilitychange', onHide)
      window.removeEventListener('pagehide', onPageHide)
      void flushRef.current()
    }
  }, [id])

  return {
    queue(patch, now = false) {
      Object.assign(queued.current, patch)
      clearTimeout(timer.current)
      if (now) void flush()
      else timer.current = setTimeout(() => void flush(), DELAY_MS)
    },
    flush,
    exists: () => exists.current,
    failed,
  }
}
