// What every screen needs from the shell: the signed-in user and the few session
// transitions (signed in, profile changed, signed out) that the shell itself carries out.
import { createContext } from 'preact'
import { useContext, useEffect, useState } from 'preact/hooks'

import { today } from '../time'
import type { User } from '../types'

export interface Session {
  user: User | null
  /** After login/signup: checks whose data is on the device, remembers her, syncs. */
  signedIn(user: User): Promise<void>
  /** After a profile change: new language/time zone take effect at once. */
  userChanged(user: User): void
  /** After logout: clears this device when nothing is waiting to sync, goes to /login. */
  signedOut(): Promise<void>
}

export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside <SessionContext.Provider>')
  return session
}

/** The signed-in user; screens marked access "user" are only rendered with one. */
export function useUser(): User {
  const { user } = useSession()
  if (!user) throw new Error('useUser on a screen rendered without a user')
  return user
}

/** Today's date in her time zone; rolls over at her midnight while the app stays open. */
export function useToday(timeZone: string): string {
  const [day, setDay] = useState(() => today(timeZone))
  useEffect(() => {
    setDay(today(timeZone))
    const timer = setInterval(() => setDay(today(timeZone)), 60_000)
    return () => clearInterval(timer)
  }, [timeZone])
  return day
}
