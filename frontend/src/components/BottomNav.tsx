// The bottom navigation; its items come from NAV in src/screens/routes.ts.
import { t, type MsgKey } from '../i18n'
import { Icon, type IconName } from './icons'

export interface NavItem {
  path: string
  label: MsgKey
  icon: IconName
  testid: string
}

export function BottomNav({ items, path }: { items: readonly NavItem[]; path: string }) {
  return (
    <nav class="bottom-nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((item) => {
          const active = path === item.path || path.startsWith(`${item.path}/`)
          return (
            <li key={item.path}>
              <a href={item.path} data-testid={item.testid} aria-current={active ? 'page' : undefined}>
                <Icon name={item.icon} />
                <span>{t(item.label)}</span>
              </a>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
