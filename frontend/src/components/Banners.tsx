// Notices above the screen: the session ran out, a new version is waiting, or the phone
// is offline (entries are still saved).
import { t } from '../i18n'
import { applyUpdate } from '../pwa'

interface Props {
  needsLogin: boolean
  updateReady: boolean
  offline: boolean
  here: string
}

export function Banners({ needsLogin, updateReady, offline, here }: Props) {
  return (
    <>
      {needsLogin && (
        <div class="banner warn" role="alert" data-testid="login-needed">
          <p>{t('banner.login_needed')}</p>
          <a class="btn small" href={`/login?next=${encodeURIComponent(here)}`}>
            {t('banner.login_link')}
          </a>
        </div>
      )}
      {updateReady && (
        <div class="banner info" data-testid="update-ready">
          <p>{t('banner.update_ready')}</p>
          <button type="button" class="btn small" data-testid="update-reload" onClick={() => applyUpdate()}>
            {t('banner.update_reload')}
          </button>
        </div>
      )}
      {offline && (
        <div class="banner quiet" data-testid="offline-note">
          <p>{t('banner.offline')}</p>
        </div>
      )}
    </>
  )
}
