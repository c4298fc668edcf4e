// Pull: fetch changes after the cursor, page by page. Each change becomes the record's new
// base, and the ops still queued for it are replayed on top (a rebase), so a pull never
// clobbers what she typed and has not had confirmed yet.
import { api, ApiError } from '../api'
import { abortQuietly, getDb, getMeta, readTx, setMeta, writeTx, type Fields, type WriteTx } from '../store/db'
import { notifyChanged } from '../store/events'
import { blankRecord, queuedOps, settle } from '../store/ops'
import type { RecordType } from '../types'

export const PAGE_SIZE = 500

interface Change {
  type: RecordType
  id: string
  version: number
  deleted: boolean
  updated_at?: string
  fields: Fields
}

interface Page {
  changes: Change[]
  cursor: number
  has_more: boolean
}

/** 410 (cursor_expired): tombstones this device never saw were purged. Pull everything again
 * from 0; `gen` marks what the reload has seen so the rest can be swept when it ends. A
 * reload cut short (offline) carries on from its cursor next time. */
async function startFullReload(): Promise<void> {
  const tx = writeTx(await getDb())
  await setMeta(tx, 'gen', (await getMeta(tx, 'gen')) + 1)
  await setMeta(tx, 'cursor', 0)
  await setMeta(tx, 'reloading', true)
  await tx.done
}

/** After a full reload: whatever the server no longer has, and that has no queued op, goes. */
async function sweep(tx: WriteTx, gen: number): Promise<void> {
  let cursor = await tx.objectStore('records').openCursor()
  while (cursor) {
    const record = cursor.value
    if (record.gen < gen) {
      const { outbox, rejected } = await queuedOps(tx, record.type, record.id)
      if (outbox.length === 0 && rejected.length === 0) {
        await cursor.delete()
      } else if (record.base !== null) {
        // Gone from the server, but she changed it here: her ops will create it again.
        await cursor.update(settle({ ...record, base: null, version: 0, server_deleted: false }, outbox, rejected))
      }
    }
    cursor = await cursor.continue()
  }
}

/** Apply one page in one transaction; false when it was skipped or changed nothing. */
async function applyPage(page: Page, cursorBefore: number, deviceId: string): Promise<boolean> {
  const tx = writeTx(await getDb())
  try {
    // Another tab (without Web Locks) or resetLocalData() moved on meanwhile: skip this page.
    if (
      (await getMeta(tx, 'cursor')) !== cursorBefore ||
      (await getMeta(tx, 'device_id')) !== deviceId
    ) {
      abortQuietly(tx)
      return false
    }
    const gen = await getMeta(tx, 'gen')
    const records = tx.objectStore('records')
    for (const change of page.changes) {
      const current = await records.get([change.type, change.id])
      if (current && change.version < current.version) {
        // Older than what a push answer already told us; the newer state is still to come.
        await records.put({ ...current, gen })
        continue
      }
      const next = {
        ...(current ?? blankRecord(change.type, change.id)),
        base: change.fields,
        server_deleted: change.deleted,
        version: change.version,
        updated_at: change.updated_at ?? null,
        gen,
      }
      const { outbox, rejected } = await queuedOps(tx, change.type, change.id)
      await records.put(settle(next, outbox, rejected))
    }
    await setMeta(tx, 'cursor', page.cursor)
    let swept = false
    if (!page.has_more && (await getMeta(tx, 'reloading'))) {
      await sweep(tx, gen)
      await setMeta(tx, 'reloading', false)
      swept = true
    }
    await tx.done
    return page.changes.length > 0 || swept
  } catch (err) {
    abortQuietly(tx)
    throw err
  }
}

/** Pull until has_more is false; returns how many changes were applied. */
export async function pullChanges(): Promise<number> {
  let applied = 0
  let reloads = 0
  for (;;) {
    const tx = readTx(await getDb())
    const [cursor, deviceId] = await Promise.all([getMeta(tx, 'cursor'), getMeta(tx, 'device_id')])
    let page: Page
    try {
      page = await api<Page>('GET', `/api/sync/pull?cursor=${cursor}&limit=${PAGE_SIZE}`)
    } catch (err) {
      if (err instanceof ApiError && err.status === 410 && reloads === 0) {
        reloads += 1
        await startFullReload()
        continue
      }
      throw err
    }
    if (await applyPage(page, cursor, deviceId)) {
      applied += page.changes.length
      notifyChanged(false)
    }
    if (!page.has_more) return applied
    if (page.cursor <= cursor) throw new Error('pull: the cursor did not move')
  }
}
