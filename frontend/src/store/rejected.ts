// Ops the server rejected. They no longer hold up the queue (the server counted them), but
// their values stay visible in the record until she fixes or discards them.
import type { Rejected } from '../types'
import { abortQuietly, getDb, readTx, writeTx } from './db'
import { notifyChanged } from './events'
import { blankRecord, cleanFields, queueOp, resettle } from './ops'

export async function listRejected(): Promise<Rejected[]> {
  return readTx(await getDb()).objectStore('rejected').getAll()
}

export async function countRejected(): Promise<number> {
  return readTx(await getDb()).objectStore('rejected').count()
}

/** Drop a rejected op; its record goes back to what the server has (and the other ops). */
export async function discardRejected(op_seq: number): Promise<void> {
  const tx = writeTx(await getDb())
  try {
    const rejected = await tx.objectStore('rejected').get(op_seq)
    if (rejected) {
      await tx.objectStore('rejected').delete(op_seq)
      await resettle(tx, rejected.type, rejected.id)
    }
    await tx.done
  } catch (err) {
    abortQuietly(tx)
    throw err
  }
  notifyChanged(false)
}

/** Replace a rejected op with a corrected upsert, queued as a new op. */
export async function retryRejected(op_seq: number, fields: Record<string, unknown>): Promise<void> {
  const patch = cleanFields(fields)
  const tx = writeTx(await getDb())
  try {
    const rejected = await tx.objectStore('rejected').get(op_seq)
    if (!rejected) throw new Error(`no rejected op ${op_seq}`)
    const { type, id } = rejected
    const records = tx.objectStore('records')
    const record = (await records.get([type, id])) ?? blankRecord(type, id)
    await tx.objectStore('rejected').delete(op_seq)
    await queueOp(tx, { action: 'upsert', type, id, base_version: record.version, fields: patch })
    await records.put(record)
    await resettle(tx, type, id)
    await tx.done
  } catch (err) {
    abortQuietly(tx)
    throw err
  }
  notifyChanged(true)
}
