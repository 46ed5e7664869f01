import { useEffect, useState } from 'react'
import { fetchIdentity, type Identity } from '../api/accessApi'

export type IdentityState = { status: 'loading' } | { status: 'ready'; identity: Identity | null }

/** The server's view of who this is (null identity: the server has no access layer). */
export function useIdentity(): IdentityState {
  const [state, setState] = useState<IdentityState>({ status: 'loading' })
  useEffect(() => {
    let active = true
    void fetchIdentity().then((identity) => active && setState({ status: 'ready', identity }))
    return () => {
      active = false
    }
  }, [])
  return state
}
