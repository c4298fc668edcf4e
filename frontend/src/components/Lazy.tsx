// Renders a screen that lives in its own chunk, so later screens (the guide, reports…)
// do not grow the first load. The service worker precaches every chunk, so this works
// offline too.
import type { ComponentType } from 'preact'
import { useEffect, useState } from 'preact/hooks'

import { t } from '../i18n'

export type Loader<P> = () => Promise<{ default: ComponentType<P> }>

const loaded = new Map<Loader<any>, ComponentType<any>>()

export function Lazy<P extends object>({ load, props }: { load: Loader<P>; props: P }) {
  const [Screen, setScreen] = useState<ComponentType<P> | undefined>(() => loaded.get(load))
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    if (Screen) return
    let alive = true
    load().then(
      (mod) => {
        loaded.set(load, mod.default)
        if (alive) setScreen(() => mod.default)
      },
      (err) => {
        console.error('ippo: loading screen', err)
        if (alive) setFailed(true)
      },
    )
    return () => {
      alive = false
    }
  }, [load])
  if (failed) return <p class="empty" role="alert">{t('app.load_failed')}</p>
  if (!Screen) return <p class="loading">{t('app.loading')}</p>
  return <Screen {...props} />
}
