// The header's sync state: how many entries wait on this phone, when it last synced,
// and a button to sync now.
import { formatTime, t } from '../i18n'
import { syncNow } from '../sync/client'
import type { SyncStatus } from '../types'
import { showToast } from './toast'

export function SyncIndicator({ status, timeZone }: { status: SyncStatus; timeZone: string }) {
  const last = status.lastSyncedAt ? t('sync.last', { time: formatTime(status.lastSyncedAt, timeZone) }) : t('sync.never')
  const state = !status.online ? 'offline' : status.syncing ? 'syncing' : status.pending ? 'pending' : 'ok'

  const now = async () => {
    if (!navigator.onLine || !status.online) {
      showToast(t('sync.offline_toast'))
      return
    }
    try {
      await syncNow()
    } catch (err) {
      console.error('ippo: sync', err)
      showToast(t('sync.failed'))
    }
  }

  return (
    <div class="sync">
      <p class={`sync-status ${state}`} data-testid="sync-status" data-pending={String(status.pending)} title={status.error ?? undefined}>
        <span class="dot" aria-hidden="true" />
        <span>
          {t('sync.pending', { n: status.pending })} · {last}
          {status.rejected > 0 && <> · {t('sync.rejected', { n: status.rejected })}</>}
        </span>
      </p>
      {status.syncing && <span class="sr-only">{t('sync.syncing')}</span>}
      <button type="button" class="icon-btn" data-testid="sync-now" onClick={now} aria-busy={status.syncing ? 'true' : undefined}>
        <svg class={status.syncing ? 'spin' : undefined} viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
          <path fill="currentColor" d="M12 4a8 8 0 0 1 7.4 5h-2.3A6 6 0 0 0 6.3 10.5L9 13H2V6l2.8 2.8A8 8 0 0 1 12 4Zm0 16a8 8 0 0 1-7.4-5h2.3a6 6 0 0 0 10.8-1.5L15 11h7v7l-2.8-2.8A8 8 0 0 1 12 20Z" />
        </svg>
        <span class="sr-only">{t('sync.now')}</span>
      </button>
    </div>
  )
}
