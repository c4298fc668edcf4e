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
import { Settings } from './Settings'
import { Signup } from './Signup'
import { Today } from './Today'
import { Welcome } from './Welcome'

export interface ScreenProps {
  /** Values of ":name" segments in the route's path. */
  params: Record<string, string>
  query: URLSearchParams
}

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
  { path: '/guide', label: 'nav.guide', icon: 'book', testid: 'nav-guide' },
  { path: '/settings', label: 'nav.settings', icon: 'settings', testid: 'nav-settings' },
]
