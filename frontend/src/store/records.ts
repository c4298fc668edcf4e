// The local store the screens use. Every write puts the record AND its outbox op in one
// IndexedDB transaction: either both are kept or neither is, so nothing typed is ever saved
// without also being on its way to the server.
import type { LocalRecord, RecordType } from '../types'
import {
  abortQuietly,
  getDb,
  getMeta,
  readTx,
  setMeta,
  writeTx,
  type OutboxOp,
  type StoredRecord,
} from './db'
import { notifyChanged } from './events'
import { blankRecord, checkKey, cleanFields, queueOp, toLocal } from './ops'

export { subscribe } from './events'
export { checkId, newId } from './uuid'

type Change = { record: StoredRecord; op: Omit<OutboxOp, 'op_seq'> } | null

/** Read the record, decide the change, write record + op; all in one transaction. */
async function write(
  type: RecordType,
  id: string,
  decide: (current: StoredRecord | undefined) => Change,
): Promise<StoredRecord | undefined> {
  checkKey(type, id)
  const db = await getDb()
  const tx = writeTx(db)
  let result: StoredRecord | undefined
  let changed = false
  try {
    const records = tx.objectStore('records')
    const current = await records.get([type, id])
    const change = decide(current)
    result = current
    if (change) {
      await queueOp(tx, change.op)
      await records.put(change.record)
      result = change.record
      changed = true
    }
    await tx.done
  } catch (err) {
    abortQuietly(tx)
    throw err
  }
  if (changed) notifyChanged(true)
  return result
}

/** Create a record or patch some of its fields (fields not named keep their value). */
export async function saveRecord<F>(
  type: RecordType,
  id: string,
  patch: Partial<F>,
): Promise<LocalRecord<F>> {
  const fields = cleanFields(patch)
  const saved = await write(type, id, (current) => {
    if (current && !current.deleted && Object.keys(fields).length === 0) return null
    const record = current ?? blankRecord(type, id)
    return {
      // An upsert also brings a deleted record back, as it does on the server.
      record: { ...record, fields: { ...record.fields, ...fields }, deleted: false, pending: true },
      op: { action: 'upsert', type, id, base_version: record.version, fields },
    }
  })
  return toLocal<F>(saved as StoredRecord)
}

/** Mark it deleted here and queue the delete (the server keeps a tombstone). */
export async function deleteRecord(type: RecordType, id: string): Promise<void> {
  await write(type, id, (current) => {
    if (!current || current.deleted) return null
    return {
      record: { ...current, deleted: true, pending: true },
      op: { action: 'delete', type, id, base_version: current.version, fields: {} },
    }
  })
}

/** Undo a delete: an upsert with the fields it had. */
export async function restoreRecord(type: RecordType, id: string): Promise<void> {
  await write(type, id, (current) => {
    if (!current || !current.deleted) return null
    return {
      record: { ...current, deleted: false, pending: true },
      op: { action: 'upsert', type, id, base_version: current.version, fields: { ...current.fields } },
    }
  })
}

export async function getRecord<F>(type: RecordType, id: string): Promise<LocalRecord<F> | undefined> {
  const record = await readTx(await getDb()).objectStore('records').get([type, id])
  return record ? toLocal<F>(record) : undefined
}

/** Every record of a type, in id order; deleted ones only when asked for. */
export async function listRecords<F>(
  type: RecordType,
  opts: { includeDeleted?: boolean } = {},
): Promise<LocalRecord<F>[]> {
  const records = await readTx(await getDb()).objectStore('records').index('by_type').getAll(type)
  return records.filter((r) => opts.includeDeleted || !r.deleted).map((r) => toLocal<F>(r))
}

/** The user whose data this device holds (null before the first log-in or after a reset). */
export async function getLocalUserId(): Promise<number | null> {
  return getMeta(readTx(await getDb()), 'user_id')
}

export async function setLocalUserId(id: number): Promise<void> {
  const tx = writeTx(await getDb())
  await setMeta(tx, 'user_id', id)
  await tx.done
}
