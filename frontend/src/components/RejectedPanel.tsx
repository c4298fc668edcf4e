// Entries the server refused, with its reasons per field; each can be fixed and sent
// again, or let go. One bad entry never blocks the others (the server moves on).
import { useEffect, useState } from 'preact/hooks'

import { t } from '../i18n'
import { getRecord } from '../store/records'
import { discardRejected, listRejected, retryRejected } from '../sync/client'
import type { Rejected } from '../types'
import { EntryEditor, changedFields } from './EntryEditor'
import { SCHEMAS, fieldLabel, guessSpecs, typeLabel } from '../records/schema'
import { entryDetails, entryTitle } from './summary'
import { showToast } from './toast'

export function RejectedPanel({ count }: { count: number }) {
  const [items, setItems] = useState<Rejected[]>([])

  const refresh = async () => {
    try {
      setItems(await listRejected())
    } catch (err) {
      console.error('ippo: rejected list', err)
    }
  }

  useEffect(() => {
    void refresh()
  }, [count])

  if (!items.length) return null
  return (
    <section class="card rejected" aria-labelledby="rejected-title">
      <h2 id="rejected-title">{t('rejected.title', { n: items.length })}</h2>
      <p class="muted">{t('rejected.lead')}</p>
      <ul class="plain">
        {items.map((op) => (
          <RejectedItem key={op.op_seq} op={op} onDone={refresh} />
        ))}
      </ul>
    </section>
  )
}

function RejectedItem({ op, onDone }: { op: Rejected; onDone: () => Promise<void> }) {
  const [editing, setEditing] = useState<Record<string, unknown> | null>(null)
  const title = entryTitle(op.type, op.fields)
  const details = entryDetails(op.type, op.fields)

  const openEditor = async () => {
    // Ops are patches: fill in the rest from the record as it stands on this phone.
    let base: Record<string, unknown> = {}
    try {
      base = (await getRecord<Record<string, unknown>>(op.type, op.id))?.fields ?? {}
    } catch {
      // the op's own fields are enough to edit
    }
    setEditing({ ...base, ...op.fields })
  }

  const discard = async () => {
    await discardRejected(op.op_seq)
    showToast(t('rejected.discarded'))
    await onDone()
  }

  const specs = editing ? (SCHEMAS[op.type] ?? guessSpecs(editing)) : []
  const serverErrors: Record<string, string> = {}
  for (const [field, messages] of Object.entries(op.errors)) serverErrors[field] = messages.join(' ')

  const retry = async (parsed: Record<string, unknown>) => {
    const initial = editing ?? {}
    const changed = changedFields(initial, parsed)
    // Resend what the op carried, as corrected, plus anything else she changed.
    const fields: Record<string, unknown> = { ...op.fields }
    for (const [name, value] of Object.entries(parsed)) {
      if (name in op.fields || name in changed) fields[name] = value
    }
    await retryRejected(op.op_seq, fields)
    setEditing(null)
    showToast(t('rejected.retried'))
    await onDone()
  }

  return (
    <li class="rejected-op" data-testid="rejected-op" data-op-seq={String(op.op_seq)} data-type={op.type}>
      <p>
        <strong>{typeLabel(op.type)}</strong>
        {op.action === 'delete' && <> ({t('rejected.delete_action')})</>}
        {title && <> — {title}</>}
      </p>
      {details && <p class="muted small">{details}</p>}
      <ul class="reasons">
        {Object.entries(op.errors).map(([field, messages]) => (
          <li key={field}>
            <span class="reason-field">{fieldLabel(field)}</span>: {messages.join(' ')}
          </li>
        ))}
      </ul>
      {editing ? (
        <EntryEditor
          specs={specs}
          initial={editing}
          idPrefix={`retry-${op.op_seq}`}
          initialErrors={serverErrors}
          saveLabel={t('rejected.send_again')}
          onSave={retry}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div class="actions">
          {op.action === 'upsert' && (
            <button type="button" class="btn primary" data-testid="rejected-retry" onClick={openEditor}>
              {t('rejected.fix')}
            </button>
          )}
          <button type="button" class="btn" data-testid="rejected-discard" onClick={discard}>
            {t('rejected.discard')}
          </button>
        </div>
      )}
    </li>
  )
}
