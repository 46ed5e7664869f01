import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'

/** How many people (awareness clients with a presence, this one included) are on the board. */
export function usePresentCount(awareness: Awareness | null): number {
  const [count, setCount] = useState(1)
  useEffect(() => {
    if (!awareness) return
    const refresh = () => {
      let n = 0
      awareness.getStates().forEach((state) => {
        if ((state as { presence?: unknown }).presence) n++
      })
      setCount(Math.max(1, n))
    }
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness])
  return count
}
