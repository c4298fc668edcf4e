// The shell: who is signed in (also offline), where to send her, and the frame around
// every screen — header with sync state, banners, refused entries, toast, navigation.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'

import { getSession } from './api'
import { Banners } from './components/Banners'
import { BottomNav } from './components/BottomNav'
import { SessionContext, type Session } from './components/context'
import { useOnline, useSyncStatus } from './components/hooks'
import { Lazy } from './components/Lazy'
import { RejectedPanel } from './components/RejectedPanel'
import { SyncIndicator } from './components/SyncIndicator'
import { showToast, ToastArea } from './components/toast'
import { browserLanguage, onLangChange, setLang, t } from './i18n'
import { onUpdateReady } from './pwa'
import { matchRoute, navigate, useLocation } from './router'
import { NotFound } from './screens/NotFound'
import { NAV, ROUTES } from './screens/routes'
import { getLocalUserId, listRecords, setLocalUserId } from './store/records'
import { forgetUser, onboardedFlag, rememberUser, rememberedUser } from './store/remember'
import { getSyncStatus, onMerged, resetLocalData, startSync, syncNow } from './sync/client'
import type { User } from './types'

/**
 * Makes this device hers: if the data stored here belongs to someone else, it is wiped
 * first (with a warning when some of it never reached the server).
 */
async function adopt(user: User): Promise<void> {
  let localId: number | null = null
  try {
    localId = await getLocalUserId()
  } catch (err) {
    console.error('ippo: reading the local owner', err)
  }
  if (localId !== null && localId !== user.id) {
    const pending = getSyncStatus().pending
    await resetLocalData()
    clearSummaryCopies()
    if (pending > 0) showToast(t('session.other_cleared', { n: pending }))
  }
  if (localId !== user.id) await setLocalUserId(user.id)
  rememberUser(user)
  startSync() // her data is this device's now (a no-op when it already runs)
}

/** Saved copies of summaries are hers alone: forget them when the phone changes hands.
 * (Loaded on demand, so the summaries' code stays out of the first load.) */
function clearSummaryCopies(): void {
  import('./summaries/cache').then((m) => m.clearCopies()).catch(() => undefined)
}

/** Where "/" leads a signed-in user: onboarding until she has set anything up. */
async function homeFor(user: User): Promise<string> {
  if (onboardedFlag(user.id)) return '/today'
  try {
    const [items, modes] = await Promise.all([
      listRecords('checklist_item', { includeDeleted: true }),
      listRecords('career_mode', { includeDeleted: true }),
    ])
    return items.length || modes.length ? '/today' : '/welcome'
  } catch {
    return '/today'
  }
}

/** How long start-up waits for the session check before trusting the remembered user. */
const BOOT_WAIT_MS = 2500

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export function App() {
  const loc = useLocation()
  const status = useSyncStatus()
  const online = useOnline()
  const [ready, setReady] = useState(false)
  const [user, setUser] = useState<User | null>(null)
  const [updateReady, setUpdateReady] = useState(false)
  const userRef = useRef<User | null>(null)
  userRef.current = user
  const [, setLangTick] = useState(0)

  useEffect(() => onLangChange(() => setLangTick((n) => n + 1)), [])
  useEffect(() => onUpdateReady(() => setUpdateReady(true)), [])
  // Another device had changed the same field: this phone's value was kept, say so.
  useEffect(() => onMerged((notices) => showToast(t('sync.merged', { n: notices.length }))), [])
  useEffect(() => setLang(user?.language ?? browserLanguage()), [user?.language])

  useEffect(() => {
    let alive = true
    ;(async () => {
      const remembered = rememberedUser()
      const asking = getSession()
      let current: User | null = null
      try {
        // On a slow or absent network (a tunnel) she must not stare at "Loading…":
        // with a remembered user the app opens at once and the answer is applied later.
        const answer = remembered
          ? await Promise.race([asking, wait(navigator.onLine ? BOOT_WAIT_MS : 0).then(() => null)])
          : await asking
        if (answer) {
          current = answer.authenticated ? answer.user : null
          if (current) await adopt(current)
        } else {
          current = remembered
          void asking.then(
            async (late) => {
              // Same user: take the fresh profile. Signed out: keep working offline; the
              // sync's 401 shows the login banner. Someone else: switch to them.
              if (!alive || !late.authenticated || !late.user) return
              if (userRef.current?.id !== remembered?.id) return // she has moved on (logged out/in)
              await adopt(late.user)
              if (alive) setUser(late.user)
            },
            () => undefined,
          )
        }
      } catch {
        // No answer (offline, server down): carry on as the last user on this phone;
        // entries queue up and sync once the server answers again.
        current = remembered
      }
      if (!alive) return
      setUser(current)
      setReady(true)
    })()
    return () => {
      alive = false
    }
  }, [])

  const session = useMemo<Session>(
    () => ({
      user,
      async signedIn(next) {
        await adopt(next)
        // Pull her data before choosing between /welcome and /today (bounded: a slow
        // network must not keep her on the login screen). The user is set only after,
        // so the shell's "signed in → leave the login page" redirect cannot race the
        // screen's own navigation.
        await Promise.race([syncNow().catch(() => undefined), wait(5000)])
        setUser(next)
      },
      userChanged(next) {
        rememberUser(next)
        setUser(next)
      },
      async signedOut() {
        // Leave nothing personal on a shared device, unless that would lose entries
        // that have not reached the server yet (they sync at her next login).
        if (getSyncStatus().pending === 0) {
          try {
            await resetLocalData()
          } catch (err) {
            console.error('ippo: clearing local data', err)
          }
        }
        clearSummaryCopies()
        forgetUser()
        // Leave the signed-in screen first, so it does not bounce via /login?next=….
        navigate('/login', { replace: true })
        setUser(null)
      },
    }),
    [user],
  )

  const match = matchRoute(ROUTES, loc.path)
  const route = match?.route
  let redirect: string | null = null
  if (ready && route) {
    if (route.access === 'user' && !user) redirect = `/login?next=${encodeURIComponent(loc.path + loc.search)}`
    else if (route.access === 'guest' && user && !status.needsLogin) {
      const next = loc.query.get('next')
      redirect = next && next.startsWith('/') && !next.startsWith('//') ? next : '/'
    }
  }

  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true })
  }, [redirect])

  // "/" decides once per visit, after the session is known.
  useEffect(() => {
    if (!ready || loc.path !== '/') return
    let alive = true
    if (!user) navigate('/login', { replace: true })
    else
      void homeFor(user).then((home) => {
        if (alive && window.location.pathname === '/') navigate(home === '/today' ? home + loc.search : home, { replace: true })
      })
    return () => {
      alive = false
    }
  }, [ready, loc.path, user])

  useEffect(() => {
    document.title = `${route ? t(route.title) : t('title.notfound')} · ${t('app.name')}`
  })

  // After a route change, start reading at the new screen's heading (unless the screen
  // already put focus somewhere, e.g. ?focus=efficiency).
  const firstPath = useRef(true)
  useEffect(() => {
    if (firstPath.current) {
      firstPath.current = false
      return
    }
    window.scrollTo(0, 0)
    requestAnimationFrame(() => {
      const main = document.getElementById('main')
      if (main && !main.contains(document.activeElement)) main.querySelector<HTMLElement>('h1')?.focus()
    })
  }, [loc.path])

  let content
  if (!ready || loc.path === '/' || redirect) {
    content = <p class="loading">{t('app.loading')}</p>
  } else if (route && match) {
    const props = { params: match.params, query: loc.query }
    if (route.screen) {
      const Screen = route.screen
      content = <Screen key={route.path} {...props} />
    } else if (route.load) {
      content = <Lazy key={route.path} load={route.load} props={props} />
    }
  } else {
    content = <NotFound params={{}} query={loc.query} />
  }

  const showNav = Boolean(user) && (!route || (route.access !== 'guest' && route.nav !== false))
  const offline = !online || !status.online

  return (
    <SessionContext.Provider value={session}>
      <div class={showNav ? 'shell with-nav' : 'shell'}>
        <header class="top">
          <a class="brand" href="/" aria-label={t('app.home_link')}>
            <span lang="ja">一歩</span> <small>Ippo</small>
          </a>
          {user && <SyncIndicator status={status} timeZone={user.time_zone} />}
        </header>
        <Banners
          needsLogin={Boolean(user) && status.needsLogin && loc.path !== '/login'}
          updateReady={updateReady}
          offline={offline}
          here={loc.path + loc.search}
        />
        {user && ready && route?.access !== 'guest' && <RejectedPanel count={status.rejected} />}
        <main id="main">{content}</main>
        <ToastArea />
        {showNav && <BottomNav items={NAV} path={loc.path} />}
      </div>
    </SessionContext.Provider>
  )
}
