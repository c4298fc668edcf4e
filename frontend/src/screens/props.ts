// What the shell passes every screen. Its own module so that routes.ts, which imports the
// screens, is imported by none of them.

export interface ScreenProps {
  /** Values of ":name" segments in the route's path. */
  params: Record<string, string>
  query: URLSearchParams
}
