/// <reference lib="webworker" />
// The service worker: it keeps the app shell and the built files on the phone so Ippo
// opens with no network. It has nothing to do with data: /api/ requests pass through to
// the network untouched (the outbox in IndexedDB owns delivery, never Background Sync).
import { clientsClaim } from 'workbox-core'
import {
  addRoute,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precache,
} from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'

import { SERVER_PATH } from './gen/server-paths'

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>
}

// The built JS/CSS/images and the shell "/" (see vite.config.ts for its revision).
precache(self.__WB_MANIFEST)
cleanupOutdatedCaches()

// A navigation to one of the server's own addresses (src/gen/server-paths.ts: /api/,
// /admin/, /reset/, the unsubscribe links under /email/, …) reaches the network; nothing
// under /api/ is ever answered with the shell's HTML. Every other navigation (/today, /history, /settings?…) gets the precached shell:
// cache first, because the shell holds no user data and always matches the precached
// assets it points to. A new shell arrives with a new worker (see SKIP_WAITING).
// Registered before the precache route so it also answers "/": the precache route would
// look the shell up with the navigation's own headers, and the shell's `Vary:
// Accept-Language, Cookie` can then miss the stored copy, offline.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/'), { denylist: [SERVER_PATH] }))
addRoute()

// The page asks the waiting worker to take over when she taps "reload" (src/pwa.ts).
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if (event.data && event.data.type === 'SKIP_WAITING') void self.skipWaiting()
})

// Once active, take control of pages opened before the first install, so the first
// visit is already offline-ready.
clientsClaim()
