// The sync client: when to sync, one sync at a time, what the screens are told.
// Writes go to the server only from here, never through Workbox Background Sync (which
// drops a request on a 4xx answer).
import { ApiError } from '../api'
import { getDb, getMeta, readTx, setMeta, writeTx } from '../store/db'
import { notifyChanged, onLocalWrite, subscribe } from '../store/events'
import { newId } from '../store/uuid'
import type { MergedNotice, SyncStatus } from '../types'
import { withSyncLock } from './lock'
import { pullChanges } from './pull'
import { pushOutbox, SyncStuck, type PushReport } from './push'

import * as rejectedOps from '../store/rejected'

export { listRejected } from '../store/rejected'

export const TIMER_MS = 60_000
export const WRITE_DELAY_MS = 300
const BACKOFF_FIRST_MS = 2_000
const BACKOFF_MAX_MS = 5 * 60_000

const isOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false)

let status: SyncStatus = {
  pending: 0,
  rejected: 0,
  syncing: false,
  online: isOnline(),
  needsLogin: false,
  lastSyncedAt: null,
  error: null,
  merged: 0,
}
const statusListeners = new Set<(s: SyncStatus) => void>()
const mergedListeners = new Set<(notices: MergedNotice[]) => void>()

function setStatus(patch: Partial<SyncStatus>): void {
  const next = { ...status, ...patch }
  if ((Object.keys(next) as (keyof SyncStatus)[]).every((k) => next[k] === status[k])) return
  status = next
  for (const listener of [...statusListeners]) {
    try {
      listener(status)
    } catch (err) {
      console.error('ippo: sync status listener failed', err)
    }
  }
}

export function getSyncStatus(): SyncStatus {
  return status
}

/** Listen to status changes; the listener is called at once with the current status too. */
export function onSyncStatus(listener: (s: SyncStatus) => void): () => void {
  statusListeners.add(listener)
  listener(status)
  return () => {
    statusListeners.delete(listener)
  }
}

/** Called after a sync in which another device had changed a field this device then set
 * (the server kept this device's value and logged the other). Tell her, e.g. in a toast. */
export function onMerged(listener: (notices: MergedNotice[]) => void): () => void {
  mergedListeners.add(listener)
  return () => {
    mergedListeners.delete(listener)
  }
}

/** Pending and rejected counts and the last sync time, read from the store (any tab). */
async function refreshCounts(): Promise<void> {
  try {
    const tx = readTx(await getDb())
    const [pending, rejected, lastSyncedAt] = await Promise.all([
      tx.objectStore('outbox').count(),
      tx.objectStore('rejected').count(),
      getMeta(tx, 'last_synced_at'),
    ])
    setStatus({ pending, rejected, lastSyncedAt, online: isOnline() })
  } catch (err) {
    console.error('ippo: reading sync counts', err)
  }
}

// Backoff after a failure: exponential with jitter, capped. Only automatic syncs wait for it.
let failures = 0
let retryAt = 0
let retryTimer: ReturnType<typeof setTimeout> | null = null

function backOff(): void {
  const delay = Math.min(BACKOFF_FIRST_MS * 2 ** failures, BACKOFF_MAX_MS) * (0.8 + Math.random() * 0.4)
  failures += 1
  retryAt = Date.now() + delay
  if (retryTimer !== null) clearTimeout(retryTimer)
  retryTimer = setTimeout(() => {
    retryTimer = null
    trigger('retry')
  }, delay)
}

function recovered(): void {
  failures = 0
  retryAt = 0
  if (retryTimer !== null) clearTimeout(retryTimer)
  retryTimer = null
}

function describe(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return 'offline'
    return `${err.status}: ${err.message}`
  }
  if (err instanceof SyncStuck) return err.message
  return err instanceof Error ? err.message : String(err)
}

async function runSync(): Promise<void> {
  setStatus({ syncing: true, online: isOnline() })
  const report: PushReport = { acknowledged: 0, rejected: 0, merged: [] }
  try {
    await pushOutbox(report)
    await pullChanges()
    const now = new Date().toISOString()
    const tx = writeTx(await getDb())
    await setMeta(tx, 'last_synced_at', now)
    await tx.done
    recovered()
    setStatus({ error: null, needsLogin: false })
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      // The session ended: keep the outbox and wait for syncNow() after she logs in again.
      setStatus({ needsLogin: true, error: null })
    } else {
      // Offline, a 5xx, or anything unexpected: keep everything and try again later.
      if (!(err instanceof ApiError && err.status === 0)) console.warn('ippo: sync failed', err)
      setStatus({ error: describe(err) })
      backOff()
    }
  } finally {
    setStatus({ syncing: false, merged: report.merged.length })
    if (report.merged.length > 0) {
      for (const listener of [...mergedListeners]) {
        try {
          listener(report.merged)
        } catch (err) {
          console.error('ippo: merged listener failed', err)
        }
      }
    }
    await refreshCounts()
  }
}

// One run at a time in this tab; a request during a run makes exactly one more run after it
// (the new write must not wait for the 60 s timer).
let running: Promise<void> | null = null
let queued: Promise<void> | null = null

function requestRun(): Promise<void> {
  if (!running) {
    running = withSyncLock(runSync)
      .catch((err: unknown) => console.error('ippo: sync lock failed', err)) // runSync never throws
      .finally(() => {
        running = null
      })
    return running
  }
  if (!queued) {
    queued = running.then(() => {
      queued = null
      return requestRun()
    })
  }
  return queued
}

/** Sync now, whatever the backoff; also the way out of needsLogin after she logs in. */
export async function syncNow(): Promise<void> {
  setStatus({ needsLogin: false })
  await requestRun()
}

type Reason = 'start' | 'online' | 'visible' | 'timer' | 'write' | 'retry'

function trigger(reason: Reason): void {
  if (status.needsLogin || !isOnline()) return
  if (reason === 'timer') {
    // A hidden page has nothing to show; it syncs again when it becomes visible.
    if (Date.now() < retryAt) return
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return
  }
  void requestRun()
}

let stopFns: (() => void)[] = []

/** Sync on start, on `online`, when the app becomes visible, every 60 s and shortly after
 * each local write. Safe to call more than once. */
export function startSync(): void {
  if (stopFns.length > 0) return
  setStatus({ online: isOnline() })
  const add = (target: EventTarget | undefined, event: string, handler: () => void) => {
    if (!target || typeof target.addEventListener !== 'function') return
    target.addEventListener(event, handler)
    stopFns.push(() => target.removeEventListener(event, handler))
  }
  const win = typeof window === 'undefined' ? undefined : window
  const doc = typeof document === 'undefined' ? undefined : document
  add(win, 'online', () => {
    setStatus({ online: true })
    trigger('online')
  })
  add(win, 'offline', () => setStatus({ online: false }))
  add(doc, 'visibilitychange', () => {
    if (doc?.visibilityState === 'visible') trigger('visible')
  })
  const timer = setInterval(() => trigger('timer'), TIMER_MS)
  stopFns.push(() => clearInterval(timer))
  let debounce: ReturnType<typeof setTimeout> | null = null
  stopFns.push(
    onLocalWrite(() => {
      if (debounce !== null) clearTimeout(debounce)
      debounce = setTimeout(() => {
        debounce = null
        trigger('write')
      }, WRITE_DELAY_MS)
    }),
  )
  stopFns.push(() => {
    if (debounce !== null) clearTimeout(debounce)
  })
  stopFns.push(subscribe(() => void refreshCounts()))
  void refreshCounts()
  trigger('start')
}

/** Undo startSync() (tests, hot reload). A sync already running finishes. */
export function stopSync(): void {
  for (const stop of stopFns) stop()
  stopFns = []
  recovered()
}

/** Forget everything of the account on this device: records, outbox, rejected ops, cursor,
 * user id. Used when a different user logs in.
 *
 * It also makes a new device_id: the server counts op_seq per (user, device_id), so a new
 * account on this install must start again at op_seq 1. The local op_seq keeps counting
 * up (ids in the stores never repeat); seq_base maps it to the new device's numbering. */
export async function resetLocalData(): Promise<void> {
  const tx = writeTx(await getDb())
  await Promise.all([
    tx.objectStore('records').clear(),
    tx.objectStore('outbox').clear(),
    tx.objectStore('rejected').clear(),
  ])
  const next = await getMeta(tx, 'next_op_seq')
  await setMeta(tx, 'device_id', newId())
  await setMeta(tx, 'seq_base', next - 1)
  await setMeta(tx, 'cursor', 0)
  await setMeta(tx, 'last_synced_at', null)
  await setMeta(tx, 'user_id', null)
  await setMeta(tx, 'reloading', false)
  await tx.done
  recovered()
  setStatus({ pending: 0, rejected: 0, lastSyncedAt: null, error: null, merged: 0 })
  notifyChanged(false)
}

/** Drop a rejected op (its record falls back to the server's version, or goes). */
export async function discardRejected(op_seq: number): Promise<void> {
  await rejectedOps.discardRejected(op_seq)
  await refreshCounts()
}

/** Queue a corrected upsert in place of a rejected op; it is pushed shortly after. */
export async function retryRejected(op_seq: number, fields: Record<string, unknown>): Promise<void> {
  await rejectedOps.retryRejected(op_seq, fields)
  await refreshCounts()
}

/** Ask the browser not to evict the store under storage pressure. */
export async function requestPersistence(): Promise<boolean> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
  if (!storage || typeof storage.persist !== 'function') return false
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true
    return await storage.persist()
  } catch {
    return false
  }
}
