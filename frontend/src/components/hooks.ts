// Live views of the local store and the sync client for components.
import { useEffect, useState } from 'preact/hooks'

import { listRecords, subscribe } from '../store/records'
import { getSyncStatus, onSyncStatus } from '../sync/client'
import type { LocalRecord, RecordType, SyncStatus } from '../types'

/** The live (not deleted) records of a type; null while the first read is running. */
export function useRecords<F>(type: RecordType): LocalRecord<F>[] | null {
  const [records, setRecords] = useState<LocalRecord<F>[] | null>(null)
  useEffect(() => {
    let alive = true
    let reading = false
    let again = false
    // Writes arrive in bursts (a pull applies many changes): one read at a time, and one
    // more after it if something changed meanwhile.
    const read = async () => {
      if (reading) {
        again = true
        return
      }
      reading = true
      try {
        do {
          again = false
          const rows = await listRecords<F>(type)
          if (alive) setRecords(rows.filter((r) => !r.deleted))
        } while (again && alive)
      } catch (err) {
        console.error('ippo: reading', type, err)
        if (alive) setRecords((prev) => prev ?? [])
      } finally {
        reading = false
      }
    }
    void read()
    const stop = subscribe(() => void read())
    return () => {
      alive = false
      stop()
    }
  }, [type])
  return records
}

export function useSyncStatus(): SyncStatus {
  const [status, setStatus] = useState<SyncStatus>(() => getSyncStatus())
  useEffect(() => {
    setStatus(getSyncStatus())
    return onSyncStatus(setStatus)
  }, [])
  return status
}

/** navigator.onLine, kept current. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine)
  useEffect(() => {
    const update = () => setOnline(navigator.onLine)
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    return () => {
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
    }
  }, [])
  return online
}
