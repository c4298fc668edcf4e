// PLACEHOLDER — replaced by the helper building this screen.
import type { ScreenProps } from './routes'

export default function Network(_props: ScreenProps) {
  return <h1 tabIndex={-1}>Network</h1>
}
