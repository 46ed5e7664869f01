import type { MouseEvent, ReactNode } from 'react'
import { navigate } from './navigate'

/** An anchor that navigates without reloading (ctrl/cmd-click still opens a tab). */
export function Link({ to, className, title, children }: { to: string; className?: string; title?: string; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(to)
  }
  return (
    <a href={to} className={className} title={title} onClick={onClick}>
      {children}
    </a>
  )
}
