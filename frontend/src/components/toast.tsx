// One status message at a time, read out by screen readers (role=status), with an
// optional undo for deletions and ticks.
import { useEffect, useState } from 'preact/hooks'

import { t } from '../i18n'

interface ToastState {
  id: number
  message: string
  undo?: () => unknown
}

let state: ToastState | null = null
let seq = 0
let timer: ReturnType<typeof setTimeout> | undefined
const listeners = new Set<(s: ToastState | null) => void>()

function publish(next: ToastState | null): void {
  state = next
  for (const listener of [...listeners]) listener(next)
}

export function showToast(message: string, options: { undo?: () => unknown } = {}): void {
  clearTimeout(timer)
  const id = ++seq
  publish({ id, message, undo: options.undo })
  // Long enough to reach the undo button with a thumb or a screen reader.
  timer = setTimeout(() => {
    if (state?.id === id) publish(null)
  }, options.undo ? 8000 : 4000)
}

export function dismissToast(): void {
  clearTimeout(timer)
  publish(null)
}

export function ToastArea() {
  const [toast, setToast] = useState<ToastState | null>(state)
  useEffect(() => {
    listeners.add(setToast)
    return () => void listeners.delete(setToast)
  }, [])

  const undo = async () => {
    const action = toast?.undo
    dismissToast()
    if (!action) return
    try {
      await action()
      showToast(t('toast.undone'))
    } catch (err) {
      console.error('ippo: undo', err)
      showToast(t('toast.undo_failed'))
    }
  }

  // The live region stays in the DOM so that new messages are announced.
  return (
    <div class="toast-area" role="status" aria-live="polite" data-testid="toast" data-empty={toast ? undefined : ''}>
      {toast && (
        <div class="toast" key={toast.id}>
          <span>{toast.message}</span>
          {toast.undo && (
            <button type="button" class="toast-undo" data-testid="undo" onClick={undo}>
              {t('toast.undo')}
            </button>
          )}
        </div>
      )}
    </div>
  )
}
