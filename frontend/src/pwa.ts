// Registering the service worker and offering "a new version is ready — reload".
// No UI here: the app shows the banner when onUpdateReady fires and calls applyUpdate().
import { Workbox } from 'workbox-window'

let wb: Workbox | null = null
let updateReady = false
const listeners = new Set<() => void>()

function announceUpdate(): void {
  updateReady = true
  for (const listener of listeners) listener()
}

/** Register /serviceworker.js for the whole site; a no-op where service workers are missing. */
export function registerServiceWorker(): void {
  if (wb || !('serviceWorker' in navigator)) return
  wb = new Workbox('/serviceworker.js', { scope: '/' })
  // A new worker installed while an older one controls the page: it waits for her go-ahead
  // instead of swapping the files under a screen she is typing into.
  wb.addEventListener('waiting', announceUpdate)
  void wb.register().catch(() => {
    // Registration fails on plain HTTP outside localhost and in some private modes;
    // the app still works online, it just will not open offline.
  })
  // An app kept open on the home screen for days still hears about a new version.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && navigator.onLine) void wb?.update().catch(() => {})
  })
}

/** Call `listener` when a new version is waiting (at once if one already is); returns unsubscribe. */
export function onUpdateReady(listener: () => void): () => void {
  listeners.add(listener)
  if (updateReady) listener()
  return () => {
    listeners.delete(listener)
  }
}

/** Let the waiting worker take over, then reload once so the page runs the new files. */
export function applyUpdate(): void {
  if (!wb) return
  let reloaded = false
  wb.addEventListener('controlling', () => {
    if (reloaded) return
    reloaded = true
    window.location.reload()
  })
  wb.messageSkipWaiting()
}
