// "Your data" in Settings: download everything (JSON or CSV), and import an export file.
// Both need the server: offline, the links explain instead of starting a download that
// would fail without a word.
import { useState } from 'preact/hooks'

import { api, ApiError } from '../api'
import { t } from '../i18n'
import { syncNow } from '../sync/client'
import { fieldLabel, typeLabel } from '../records/schema'
import { showToast } from './toast'

export interface ImportReport {
  created: number
  updated: number
  skipped: number
  rejected: { type: string; id: string; errors: Record<string, string[] | Record<string, unknown>> }[]
  not_imported: string[]
}

// The server's limit (server/journal/imports.py); checked here too so a huge file is not sent.
const MAX_BYTES = 5 * 1024 * 1024

function messages(value: unknown): string {
  if (Array.isArray(value)) return value.map(messages).join(' ')
  if (value && typeof value === 'object') return Object.values(value).map(messages).join(' ')
  return typeof value === 'string' ? value : ''
}

/** What went wrong with a refused file, as one line for her. */
function refusal(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('settings.data_offline')
    if (err.status === 413) return messages(err.body?.detail) || t('settings.import_too_large')
    const text = messages(err.body)
    if (err.status === 400 && text) return t('settings.import_refused', { reason: text })
    return t('auth.server_error', { status: err.status })
  }
  return t('auth.network_error')
}

export function DataControls({ online }: { online: boolean }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [report, setReport] = useState<ImportReport | null>(null)

  const needNetwork = (e: Event) => {
    if (online) return
    e.preventDefault()
    showToast(t('settings.data_offline'))
  }

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0]
    if (!file) return
    setError('')
    setReport(null)
    if (!online) return setError(t('settings.data_offline'))
    if (file.size > MAX_BYTES) return setError(t('settings.import_too_large'))
    setBusy(true)
    try {
      let data: unknown
      try {
        data = JSON.parse(await file.text())
      } catch {
        setError(t('settings.import_not_json'))
        return
      }
      const answer = await api<ImportReport>('POST', '/api/import', data)
      setReport(answer)
      // Bring what arrived onto this phone now, not at the next timer.
      await syncNow().catch(() => undefined)
    } catch (err) {
      setError(refusal(err))
    } finally {
      setBusy(false)
      input.value = '' // choosing the same file again imports it again
    }
  }

  return (
    <section class="card" aria-labelledby="settings-data">
      <h2 id="settings-data">{t('settings.data')}</h2>
      <p class="muted small">{t('settings.data_hint')}</p>
      {!online && <p class="note warn">{t('settings.data_offline')}</p>}
      <div class="actions">
        <a class="btn" href="/api/export" download data-testid="settings-export-json"
          aria-disabled={!online} onClick={needNetwork}>
          {t('settings.export_json')}
        </a>
        <a class="btn" href="/api/export.zip" download data-testid="settings-export-csv"
          aria-disabled={!online} onClick={needNetwork}>
          {t('settings.export_csv')}
        </a>
      </div>
      <p class="hint">{t('settings.export_hint')}</p>

      <div class="field">
        <label for="settings-import-file">{t('settings.import')}</label>
        <input id="settings-import-file" type="file" accept="application/json,.json" data-testid="settings-import"
          disabled={busy} aria-describedby="settings-import-hint"
          onChange={(e) => void importFile(e.currentTarget)} />
        <p class="hint" id="settings-import-hint">{t('settings.import_hint')}</p>
      </div>
      {busy && !report && <p class="muted small" role="status">{t('settings.importing')}</p>}
      {error && <p class="field-error" role="alert">{error}</p>}
      {report && <ImportResult report={report} />}
    </section>
  )
}

function ImportResult({ report }: { report: ImportReport }) {
  return (
    <div class="note" role="status" data-testid="settings-import-report"
      data-created={report.created} data-updated={report.updated} data-skipped={report.skipped}
      data-rejected={report.rejected.length}>
      <p>
        <strong>{t('settings.import_done')}</strong>{' '}
        {t('settings.import_counts', {
          created: report.created,
          updated: report.updated,
          skipped: report.skipped,
          rejected: report.rejected.length,
        })}
      </p>
      {report.not_imported.length > 0 && <p class="muted small">{t('settings.import_not_imported')}</p>}
      {report.rejected.length > 0 && (
        <>
          <p>{t('settings.import_rejected')}</p>
          <ul class="reasons">
            {report.rejected.slice(0, 50).map((r) => (
              <li key={`${r.type}:${r.id}`} data-testid="settings-import-rejected">
                {typeLabel(r.type)} <span class="muted small">{r.id.slice(0, 8)}</span>:{' '}
                {Object.entries(r.errors).map(([field, why]) => (
                  <span key={field}>
                    <span class="reason-field">{fieldLabel(field)}</span> {messages(why)}{' '}
                  </span>
                ))}
              </li>
            ))}
          </ul>
          {report.rejected.length > 50 && (
            <p class="muted small">{t('settings.import_more_rejected', { n: report.rejected.length - 50 })}</p>
          )}
        </>
      )}
    </div>
  )
}
