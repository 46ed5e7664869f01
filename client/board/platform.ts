/** What kind of device the board runs on, for naming keys and undo (F21). */
export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
}

/** A touch device without a fine pointer (a phone or tablet): undo is a button there, not a key. */
export function isTouchOnly(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches && !window.matchMedia('(pointer: fine)').matches
}
