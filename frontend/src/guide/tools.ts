// The app's tools a guide chapter or a self-check band can point to, by the keys the
// writer uses in content/ (content/README.md, "Tool keys and app paths").
import { TOOL_PATHS, type ToolKey } from '../gen/tools'
import type { GuideKey } from '../i18n/guide'

export interface Tool {
  path: string
  label: GuideKey
}

// Keys and screens come from the server's one list (server/guide/tools.py, generated).
export const TOOLS: Record<string, Tool> = Object.fromEntries(
  Object.entries(TOOL_PATHS).map(([key, path]) => [key, { path, label: `tool.${key as ToolKey}` }]),
)

/** The known tools among `keys`, in their order; unknown keys (a later tool) are skipped. */
export function toolsFor(keys: readonly string[]): Array<Tool & { key: string }> {
  return keys.flatMap((key) => (TOOLS[key] ? [{ key, ...TOOLS[key] }] : []))
}
