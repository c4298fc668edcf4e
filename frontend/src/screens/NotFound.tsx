import { t } from '../i18n'
import type { ScreenProps } from './props'

export function NotFound(_props: ScreenProps) {
  return (
    <div class="not-found">
      <h1 tabIndex={-1}>{t('notfound.title')}</h1>
      <p>{t('notfound.body')}</p>
      <p>
        <a class="btn primary" href="/">{t('notfound.home')}</a>
      </p>
    </div>
  )
}
