// "The store changed" for this tab's listeners and, over a BroadcastChannel, for other tabs.

type Listener = () => void

const CHANNEL = 'ippo-store'
const listeners = new Set<Listener>()
const localWriteListeners = new Set<Listener>()
let channel: BroadcastChannel | null | undefined

function call(set: Set<Listener>): void {
  for (const listener of [...set]) {
    try {
      listener()
    } catch (err) {
      console.error('ippo: store listener failed', err)
    }
  }
}

function ensureChannel(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL)
    if (channel) {
      // A channel never hears its own messages, so this is another tab's change.
      channel.onmessage = () => call(listeners)
      // Node (tests) would otherwise stay alive for the open channel; browsers have no unref.
      ;(channel as BroadcastChannel & { unref?: () => void }).unref?.()
    }
  }
  return channel
}

/** Fires after any local write or applied sync result, here or in another tab. */
export function subscribe(listener: Listener): () => void {
  ensureChannel()
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** Fires after a write made in this tab (the sync client pushes shortly after). */
export function onLocalWrite(listener: Listener): () => void {
  localWriteListeners.add(listener)
  return () => {
    localWriteListeners.delete(listener)
  }
}

export function notifyChanged(localWrite: boolean): void {
  call(listeners)
  if (localWrite) call(localWriteListeners)
  try {
    ensureChannel()?.postMessage({ changed: true })
  } catch {
    // a closed channel (page unloading): nothing left to tell
  }
}
