// PLACEHOLDER — replaced by the helper building this screen.
import type { ScreenProps } from './routes'

export default function Mode(_props: ScreenProps) {
  return <h1 tabIndex={-1}>Mode</h1>
}
