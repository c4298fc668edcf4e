// The part of madge's API (it ships no types) that layers.test.ts uses.
declare module 'madge' {
  interface MadgeResult {
    /** Each file (relative to the base directory) and the files it imports. */
    obj(): Record<string, string[]>
    circular(): string[][]
    warnings(): { skipped: string[] }
  }
  interface MadgeConfig {
    fileExtensions?: string[]
    tsConfig?: string
    includeNpm?: boolean
  }
  export default function madge(path: string, config?: MadgeConfig): Promise<MadgeResult>
}
