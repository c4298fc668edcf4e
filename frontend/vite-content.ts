// Build-time reading of the writer's content/ folder for the PWA: a content/*.yaml import
// becomes a JSON module (the `yaml` package runs here, in the build, never on the phone).
// Markdown chapters need no plugin: src/guide/content.ts inlines them with
// import.meta.glob('…/*.md', { query: '?raw' }).
import type { Plugin } from 'vite'
import { parse } from 'yaml'

export function contentYaml(): Plugin {
  return {
    name: 'ippo-content-yaml',
    transform(source, id) {
      if (!/\.ya?ml$/.test(id)) return null
      let data: unknown
      try {
        data = parse(source, { prettyErrors: true })
      } catch (err) {
        this.error(`${id}: ${err instanceof Error ? err.message : String(err)}`)
      }
      // JSON.parse of a string literal is quicker for engines to load than an object literal.
      return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(data))})`, map: null }
    },
  }
}
