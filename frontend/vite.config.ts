// The PWA build. Django serves the page (the app shell), so there is no index.html here:
// Vite bundles src/main.tsx into hashed files plus .vite/manifest.json, and Django's
// shell template reads that manifest to write the <script>/<link> tags. One HTML
// document for every route, rendered by Django, keeps <html lang>, the manifest link and
// the iOS meta tags next to django-pwa's settings instead of in a second copy here.
import preact from '@preact/preset-vite'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

import { contentGuide, contentYaml } from './vite-content'

const BASE = '/static/app/'

// The service worker is served from /serviceworker.js (scope "/"), so precache URLs must
// be absolute: Workbox would resolve "assets/x.js" against the worker's own address.
const ABSOLUTE = { '': BASE }

type Entry = { url: string; revision: string | null; size: number }

// A 64-bit FNV-1a digest (two 32-bit halves): enough to tell builds apart, and it keeps
// this file free of Node typings.
function digest(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193) >>> 0
    b = Math.imul(b ^ c ^ (a >>> 7), 0x01000193) >>> 0
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0')
}

// The shell "/" is precached with a revision that is a digest of every other precached
// URL and revision: any change in the build gives the shell a new revision, so an updated
// worker fetches the new shell together with the new assets it points to.
function precacheShell(entries: Entry[]) {
  const listing = [...entries]
    .sort((a, b) => (a.url < b.url ? -1 : 1))
    .map((e) => `${e.url} ${e.revision ?? ''}\n`)
    .join('')
  const shell: Entry = { url: '/', revision: digest(listing), size: 0 }
  return { manifest: [...entries, shell], warnings: [] as string[] }
}

export default defineConfig({
  base: BASE,
  plugins: [
    contentYaml(), // content/*.yaml (the guide's self-check) as JSON modules
    contentGuide(), // content/guide/: checked and rendered once, for the PWA and for Django
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      manifest: false, // django-pwa serves /manifest.json
      injectRegister: false, // src/pwa.ts registers the worker with workbox-window
      injectManifest: {
        // A classic script: registered without {type: 'module'}, so it works on older Safari.
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,png,svg,woff2}'],
        globIgnores: ['sw.js', '.vite/**'],
        modifyURLPrefix: ABSOLUTE,
        // Files under assets/ carry a content hash in their name: no revision needed.
        dontCacheBustURLsMatching: /^\/static\/app\/assets\//,
        manifestTransforms: [precacheShell],
      },
    }),
  ],
  build: {
    outDir: '../server/web/static/app', // relative to frontend/
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      input: 'src/main.tsx',
    },
  },
})
