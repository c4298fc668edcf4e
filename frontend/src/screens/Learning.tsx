// PLACEHOLDER — replaced by the helper building this screen.
import type { ScreenProps } from './routes'

export default function Learning(_props: ScreenProps) {
  return <h1 tabIndex={-1}>Learning</h1>
}
