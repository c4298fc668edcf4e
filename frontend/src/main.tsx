// Entry point: the router, the shell, the service worker, and the sync loop.
import { render } from 'preact'

import './styles.css'
import { App } from './app'
import { registerServiceWorker } from './pwa'
import { startRouter } from './router'
import { rememberedUser } from './store/remember'
import { requestPersistence, startSync } from './sync/client'

startRouter()

const root = document.getElementById('app')
if (root) render(<App />, root)

registerServiceWorker()
// Ask the browser not to evict the outbox under storage pressure; a "no" is not fatal.
requestPersistence().catch(() => false)
// With nobody signed in on this phone there is nothing to sync (and every try would be a
// 401); the first log-in starts it.
if (rememberedUser()) startSync()
