// Push: send the outbox in op_seq order; an op leaves it only when the server's
// last_op_seq covers it. A lost answer is harmless: the resent ops come back `duplicate`.
import { api } from '../api'
import { abortQuietly, getDb, getMeta, readTx, setMeta, writeTx, type OutboxOp, type StoredRecord } from '../store/db'
import { notifyChanged } from '../store/events'
import { resettle } from '../store/ops'
import type { MergedNotice } from '../types'

export const MAX_OPS = 200
const MAX_BYTES = 512 * 1024
const ENVELOPE_BYTES = 128 // {"device_id": "…", "ops": []} with room to spare

interface PushResult {
  op_seq: number
  status: 'applied' | 'merged' | 'duplicate' | 'rejected'
  version?: number | null
  fields?: string[]
  errors?: Record<string, string[]>
}

interface PushAnswer {
  last_op_seq: number
  results: PushResult[]
  cursor: number
}

interface Batch {
  deviceId: string
  seqBase: number
  ops: OutboxOp[]
}

export interface PushReport {
  acknowledged: number
  rejected: number
  merged: MergedNotice[]
}

export class SyncStuck extends Error {
  name = 'SyncStuck'
}

function wire(op: OutboxOp, seqBase: number) {
  const { action, type, id, base_version, fields } = op
  return { op_seq: op.op_seq - seqBase, action, type, id, base_version, fields }
}

async function nextBatch(): Promise<Batch> {
  const tx = readTx(await getDb())
  const [deviceId, seqBase, queued] = await Promise.all([
    getMeta(tx, 'device_id'),
    getMeta(tx, 'seq_base'),
    tx.objectStore('outbox').getAll(undefined, MAX_OPS),
  ])
  const encoder = new TextEncoder()
  const ops: OutboxOp[] = []
  let bytes = ENVELOPE_BYTES + deviceId.length
  for (const op of queued) {
    bytes += encoder.encode(JSON.stringify(wire(op, seqBase))).length + 1
    if (ops.length > 0 && bytes > MAX_BYTES) break // the rest goes in the next push
    ops.push(op)
  }
  return { deviceId, seqBase, ops }
}

const key = (op: { type: string; id: string }) => `${op.type}\u0000${op.id}`

/** What the server now has of one record, as far as this answer tells. */
interface Confirmed {
  type: OutboxOp['type']
  id: string
  ops: OutboxOp[] // taken by the server, in op_seq order
  version: number // the highest version the answer gave it (0: none)
}

/** Fold confirmed ops into the record's base: the server has them now, so they are no longer
 * replayed, and the record stays as it was even if the pull that follows fails. */
function confirm(record: StoredRecord, confirmed: Confirmed): StoredRecord {
  let base = record.base
  let serverDeleted = record.server_deleted
  for (const op of confirmed.ops) {
    if (op.action === 'upsert') {
      base = { ...(base ?? {}), ...op.fields }
      serverDeleted = false
    } else {
      base = base ?? {}
      serverDeleted = true
    }
  }
  return { ...record, base, server_deleted: serverDeleted, version: Math.max(record.version, confirmed.version) }
}

/** Apply one push answer: drop acknowledged ops, park rejected ones, note versions. */
async function applyAnswer(batch: Batch, answer: PushAnswer, report: PushReport): Promise<void> {
  const results = new Map(answer.results.map((r) => [r.op_seq, r]))
  const tx = writeTx(await getDb())
  try {
    if ((await getMeta(tx, 'device_id')) !== batch.deviceId) {
      // resetLocalData() ran while the push was on its way: this answer is about data
      // that is no longer here.
      abortQuietly(tx)
      return
    }
    const outbox = tx.objectStore('outbox')
    const touched = new Map<string, Confirmed>()
    // Fields set by earlier ops of this batch: the server reports a later op of the same
    // record as `merged` over them, but they are this device's own values, not another's.
    const ownFields = new Map<string, Set<string>>()
    for (const op of batch.ops) {
      const seq = op.op_seq - batch.seqBase
      if (seq > answer.last_op_seq) break
      if (!(await outbox.get(op.op_seq))) continue // another tab got the answer first
      await outbox.delete(op.op_seq)
      report.acknowledged += 1
      const k = key(op)
      const confirmed = touched.get(k) ?? { type: op.type, id: op.id, ops: [], version: 0 }
      touched.set(k, confirmed)
      const result = results.get(seq)
      if (result?.status === 'rejected') {
        const { op_seq, type, id, action, fields } = op
        await tx.objectStore('rejected').put({ op_seq, type, id, action, fields, errors: result.errors ?? {} })
        report.rejected += 1
        continue
      }
      // applied, merged, or duplicate (applied by an earlier push whose answer was lost);
      // a delete the server answers with version null never reached it: nothing to fold.
      if (!(op.action === 'delete' && result && result.version === null)) confirmed.ops.push(op)
      if (typeof result?.version === 'number') confirmed.version = Math.max(confirmed.version, result.version)
      if (result?.status === 'merged') {
        const own = ownFields.get(k)
        const fields = (result.fields ?? []).filter((f) => !own?.has(f))
        if (fields.length > 0) report.merged.push({ type: op.type, id: op.id, fields })
      }
      const own = ownFields.get(k) ?? new Set<string>()
      for (const name of Object.keys(op.fields)) own.add(name)
      ownFields.set(k, own)
    }
    for (const confirmed of touched.values()) {
      const { type, id, version } = confirmed
      const record = await tx.objectStore('records').get([type, id])
      if (record) await tx.objectStore('records').put(confirm(record, confirmed))
      if (version > 0) {
        // The ops still queued for this record were made on top of the ones just confirmed;
        // their base is now that version, so the server flags only other devices' changes.
        for (const later of await outbox.index('by_record').getAll([type, id])) {
          if (later.base_version < version) await outbox.put({ ...later, base_version: version })
        }
      }
      await resettle(tx, type, id)
    }
    await tx.done
  } catch (err) {
    abortQuietly(tx)
    throw err
  }
  notifyChanged(false)
}

/** The server's count for this device is behind the outbox (say its database was restored
 * from a backup): number the queued ops on from where it stands, or they would wait forever
 * behind a gap. (A different account never gets here: resetLocalData() makes a new device.) */
async function realign(batch: Batch, lastOpSeq: number): Promise<void> {
  const tx = writeTx(await getDb())
  if ((await getMeta(tx, 'seq_base')) === batch.seqBase) {
    await setMeta(tx, 'seq_base', batch.ops[0].op_seq - (lastOpSeq + 1))
  }
  await tx.done
}

/** Push until the outbox is empty; throws ApiError when the server cannot be reached. */
export async function pushOutbox(report: PushReport): Promise<void> {
  let realigned = false
  for (;;) {
    const batch = await nextBatch()
    if (batch.ops.length === 0) return
    const answer = await api<PushAnswer>('POST', '/api/sync/push', {
      device_id: batch.deviceId,
      ops: batch.ops.map((op) => wire(op, batch.seqBase)),
    })
    const head = batch.ops[0].op_seq - batch.seqBase
    if (answer.last_op_seq < head) {
      // Nothing of the batch was taken. A gap before it can be closed once; anything else
      // would only loop.
      if (answer.last_op_seq < head - 1 && !realigned) {
        await realign(batch, answer.last_op_seq)
        realigned = true
        continue
      }
      throw new SyncStuck(`the server stopped at op ${answer.last_op_seq}`)
    }
    await applyAnswer(batch, answer, report)
  }
}
