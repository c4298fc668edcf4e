// Unit tests for the store, the sync client and the helpers: Node, with fake-indexeddb
// standing in for the browser's IndexedDB (see tests/unit/setup.ts). Kept apart from
// vite.config.ts so the tests do not load the PWA build plugins; the guide's content
// plugin is here because src/guide/content.ts imports its modules.
import { defineConfig } from 'vitest/config'

import { contentGuide } from './vite-content'

export default defineConfig({
  plugins: [contentGuide()],
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
  },
})
