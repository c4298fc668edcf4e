// The route table and the bottom navigation. A new screen joins with one ROUTES entry
// (and, if it belongs in the bottom bar, one NAV entry); nothing else in the shell
// changes. Prefer `load: () => import('./Guide')` (a default export) for screens that
// are not needed on the commute's first tap, so the first load stays small.
import type { ComponentType } from 'preact'

import type { NavItem } from '../components/BottomNav'
import type { Loader } from '../components/Lazy'
import type { MsgKey } from '../i18n'
import { Forgot } from './Forgot'
import { History } from './History'
import { Login } from './Login'
import type { ScreenProps } from './props'
import { Settings } from './Settings'
import { Signup } from './Signup'
import { Today } from './Today'
import { Welcome } from './Welcome'

export interface RouteDef {
  /** "/today", or with parameters "/goals/:id". */
  path: string
  /** Document title (also the screen's name for screen readers). */
  title: MsgKey
  /** user: signed in only (else /login); guest: signed out only (else /); any: both. */
  access: 'user' | 'guest' | 'any'
  /** The screen, bundled with the shell… */
  screen?: ComponentType<ScreenProps>
  /** …or loaded on first visit as its own chunk. */
  load?: Loader<ScreenProps>
  /** false hides the bottom navigation (first-run onboarding). */
  nav?: boolean
}

export const ROUTES: readonly RouteDef[] = [
  { path: '/today', title: 'title.today', access: 'user', screen: Today },
  { path: '/history', title: 'title.history', access: 'user', screen: History },
  { path: '/settings', title: 'title.settings', access: 'user', screen: Settings },
  // The guide and its tools load on first visit, each as its own chunk (the chapters'
  // text and the questionnaire ride in them); the worker precaches them all for offline.
  { path: '/guide', title: 'title.guide', access: 'any', load: () => import('./Guide') },
  { path: '/guide/:slug', title: 'title.chapter', access: 'any', load: () => import('./Chapter') },
  { path: '/selfcheck', title: 'title.selfcheck', access: 'user', load: () => import('./SelfCheck') },
  { path: '/earnings', title: 'title.earnings', access: 'any', load: () => import('./Earnings') },
  // The career tools (remedies 1–5 and the mindset), each its own chunk, reached from /tools.
  { path: '/tools', title: 'title.tools', access: 'user', load: () => import('./Tools') },
  { path: '/report', title: 'title.report', access: 'user', load: () => import('./Report') },
  { path: '/goals', title: 'title.goals', access: 'user', load: () => import('./Goals') },
  { path: '/goals/:id', title: 'title.goal', access: 'user', load: () => import('./Goal') },
  { path: '/learning', title: 'title.learning', access: 'user', load: () => import('./Learning') },
  { path: '/network', title: 'title.network', access: 'user', load: () => import('./Network') },
  { path: '/brief', title: 'title.brief', access: 'user', load: () => import('./Brief') },
  { path: '/brief/:id', title: 'title.brief', access: 'user', load: () => import('./Brief') },
  { path: '/employers', title: 'title.employers', access: 'user', load: () => import('./Employers') },
  { path: '/mode', title: 'title.mode', access: 'user', load: () => import('./Mode') },
  // Her monthly summaries (the email links to /summaries/2026-11); reached from Settings
  // and Today's card rather than the bottom bar.
  { path: '/summaries', title: 'title.summaries', access: 'user', load: () => import('./Summaries') },
  { path: '/summaries/:month', title: 'title.summaries', access: 'user', load: () => import('./Summary') },
  { path: '/welcome', title: 'title.welcome', access: 'user', screen: Welcome, nav: false },
  { path: '/login', title: 'title.login', access: 'guest', screen: Login },
  { path: '/signup', title: 'title.signup', access: 'guest', screen: Signup },
  { path: '/forgot', title: 'title.forgot', access: 'guest', screen: Forgot },
]

export const NAV: readonly NavItem[] = [
  { path: '/today', label: 'nav.today', icon: 'today', testid: 'nav-today' },
  { path: '/history', label: 'nav.history', icon: 'history', testid: 'nav-history' },
  { path: '/tools', label: 'nav.tools', icon: 'briefcase', testid: 'nav-tools' },
  { path: '/guide', label: 'nav.guide', icon: 'book', testid: 'nav-guide' },
  { path: '/settings', label: 'nav.settings', icon: 'settings', testid: 'nav-settings' },
]
