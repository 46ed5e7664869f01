export const NAVIGATE_EVENT = 'brownpaper:navigate'

/** Client-side navigation: pushes the path and tells `usePathname` listeners. */
export function navigate(path: string): void {
  if (path === location.pathname) return
  history.pushState(null, '', path)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}
