// What every write path shares: queueing an op, and rebuilding a record from the server's
// base plus the ops this device has not had confirmed.
import { RECORD_TYPES, type LocalRecord, type RecordType, type Rejected } from '../types'
import { getMeta, setMeta, type Fields, type OutboxOp, type ReadTx, type StoredRecord, type WriteTx } from './db'
import { isUuid } from './uuid'

// The server takes 512 KB per push. One op must always fit in a push on its own, or it could
// never be sent and, since op_seq has no gaps, would hold up every op after it.
const MAX_OP_BYTES = 256 * 1024

export function blankRecord(type: RecordType, id: string): StoredRecord {
  return {
    type,
    id,
    version: 0,
    base: null,
    server_deleted: false,
    fields: {},
    deleted: false,
    updated_at: null,
    pending: false,
    rejected: false,
    gen: 0,
  }
}

/** Throw at once for what would make the server refuse a whole push (400). */
export function checkKey(type: RecordType, id: string): void {
  if (!RECORD_TYPES.includes(type)) throw new TypeError(`unknown record type: ${String(type)}`)
  if (!isUuid(id)) throw new TypeError(`a record id must be a UUID: ${id}`)
}

/** A patch as plain JSON (undefined values dropped), refused when too big to ever push. */
export function cleanFields(patch: object): Fields {
  const json = JSON.stringify(patch ?? {})
  if (new TextEncoder().encode(json).length > MAX_OP_BYTES) {
    throw new RangeError(`a change may be at most ${MAX_OP_BYTES / 1024} KB`)
  }
  const fields: unknown = JSON.parse(json)
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
    throw new TypeError('a patch is an object of fields')
  }
  return fields as Fields
}

type QueuedOp = Pick<OutboxOp, 'op_seq' | 'action' | 'fields'>

/** The record as the user sees it: `base` with the queued ops replayed in op_seq order. */
export function settle(record: StoredRecord, outbox: OutboxOp[], rejected: Rejected[]): StoredRecord {
  const ops: QueuedOp[] = [...outbox, ...rejected].sort((a, b) => a.op_seq - b.op_seq)
  let fields: Fields = { ...(record.base ?? {}) }
  let deleted = record.base ? record.server_deleted : false
  for (const op of ops) {
    if (op.action === 'delete') {
      deleted = true
    } else {
      fields = { ...fields, ...op.fields }
      deleted = false
    }
  }
  return { ...record, fields, deleted, pending: outbox.length > 0, rejected: rejected.length > 0 }
}

/** The ops of one record that the server has not confirmed: still queued, and rejected. */
export async function queuedOps(
  tx: ReadTx,
  type: RecordType,
  id: string,
): Promise<{ outbox: OutboxOp[]; rejected: Rejected[] }> {
  const [outbox, rejected] = await Promise.all([
    tx.objectStore('outbox').index('by_record').getAll([type, id]),
    tx.objectStore('rejected').index('by_record').getAll([type, id]),
  ])
  return { outbox, rejected }
}

/** Add an op under the next op_seq, inside the caller's transaction. */
export async function queueOp(tx: WriteTx, op: Omit<OutboxOp, 'op_seq'>): Promise<OutboxOp> {
  const op_seq = await getMeta(tx, 'next_op_seq')
  await setMeta(tx, 'next_op_seq', op_seq + 1)
  const queued = { op_seq, ...op }
  await tx.objectStore('outbox').add(queued)
  return queued
}

/** Rebuild one record from what is stored for it; drop it when nothing is left of it. */
export async function resettle(tx: WriteTx, type: RecordType, id: string): Promise<void> {
  const records = tx.objectStore('records')
  const record = await records.get([type, id])
  if (!record) return
  const { outbox, rejected } = await queuedOps(tx, type, id)
  if (record.base === null && outbox.length === 0 && rejected.length === 0) {
    // Only ever on this device, and its last op is gone: nothing of it exists anywhere.
    await records.delete([type, id])
  } else {
    await records.put(settle(record, outbox, rejected))
  }
}

export function toLocal<F>(record: StoredRecord): LocalRecord<F> {
  return {
    type: record.type,
    id: record.id,
    version: record.version,
    deleted: record.deleted,
    fields: record.fields as F,
    updated_at: record.updated_at,
    pending: record.pending,
    rejected: record.rejected,
  }
}
