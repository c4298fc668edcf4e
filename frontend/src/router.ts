// A path router small enough to read in one sitting: the History API, a popstate
// listener and one document-level click handler that turns same-origin <a href> clicks
// into client-side navigation. Route tables live in src/screens/routes.ts.
import { useEffect, useState } from 'preact/hooks'

import { SERVER_PATH } from './gen/server-paths'

export interface Location {
  path: string
  search: string
  query: URLSearchParams
}

export interface Match<R> {
  route: R
  params: Record<string, string>
}

const listeners = new Set<() => void>()
let current = readLocation()

function normalisePath(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : path
}

function readLocation(): Location {
  const { pathname, search } = window.location
  return { path: normalisePath(pathname), search, query: new URLSearchParams(search) }
}

function changed(): void {
  current = readLocation()
  for (const listener of [...listeners]) listener()
}

export function getLocation(): Location {
  return current
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, window.location.href)
  if (url.origin !== window.location.origin || SERVER_PATH.test(url.pathname)) {
    window.location.assign(url.href)
    return
  }
  const target = url.pathname + url.search + url.hash
  const here = window.location.pathname + window.location.search + window.location.hash
  if (target === here && !options.replace) return
  if (options.replace) history.replaceState(null, '', target)
  else history.pushState(null, '', target)
  changed()
}

export function onLocationChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Re-renders the calling component whenever the location changes. */
export function useLocation(): Location {
  const [, setTick] = useState(0)
  useEffect(() => onLocationChange(() => setTick((n) => n + 1)), [])
  return current
}

function onClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0) return
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  const anchor = (event.target as Element | null)?.closest?.('a')
  if (!anchor || !anchor.href) return
  if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return
  if (anchor.dataset.native !== undefined) return // opt-out: <a data-native>
  const url = new URL(anchor.href)
  if (url.origin !== window.location.origin || SERVER_PATH.test(url.pathname)) return
  event.preventDefault()
  navigate(url.pathname + url.search + url.hash)
}

let started = false

/** Listens to back/forward and intercepts link clicks; call once at start-up. */
export function startRouter(): void {
  if (started) return
  started = true
  window.addEventListener('popstate', changed)
  document.addEventListener('click', onClick)
  current = readLocation()
}

// "/goals/:id" → a RegExp with one named group per ":param".
const compiled = new Map<string, RegExp>()

function compile(pattern: string): RegExp {
  let re = compiled.get(pattern)
  if (!re) {
    const source = pattern
      .split('/')
      .map((part) =>
        part.startsWith(':')
          ? `(?<${part.slice(1)}>[^/]+)`
          : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/')
    re = new RegExp(`^${source}$`)
    compiled.set(pattern, re)
  }
  return re
}

/** The first route whose path pattern matches, with its decoded params. */
export function matchRoute<R extends { path: string }>(routes: readonly R[], path: string): Match<R> | null {
  for (const route of routes) {
    const found = compile(route.path).exec(path)
    if (found) {
      const params: Record<string, string> = {}
      for (const [key, value] of Object.entries(found.groups ?? {})) {
        params[key] = decodeURIComponent(value)
      }
      return { route, params }
    }
  }
  return null
}
