/** Narrower than this (CSS px) and touch-first: a phone, which gets the phone page (SPEC M2). */
export const PHONE_MAX_WIDTH = 700

/** A narrow touch viewport: the primary pointer is coarse and the screen is narrow. */
export function isPhoneViewport(win: Pick<Window, 'matchMedia' | 'innerWidth'> = window): boolean {
  const coarse = win.matchMedia('(pointer: coarse)').matches
  return coarse && win.innerWidth < PHONE_MAX_WIDTH
}
