/**
 * The sticky tags of a brown-paper session. Each tag has exactly one colour,
 * one label per language and one keyboard shortcut, everywhere in the product
 * (canvas, side panel, list view, verslag).
 */
import { z } from 'zod'

export const TAGS = ['bevorderend', 'belemmerend', 'afspraak', 'conclusie', 'regelruimte', 'opmerking'] as const

export const tagSchema = z.enum(TAGS)
export type Tag = z.infer<typeof tagSchema>

/** The tag of a sticky that carries none: "opmerking". */
export const DEFAULT_TAG: Tag = 'opmerking'

/** tldraw's named note colours (TLDefaultColorStyle) that we use. */
export type NoteColor = 'green' | 'red' | 'blue' | 'violet' | 'orange' | 'yellow'

export interface TagInfo {
  readonly tag: Tag
  /** The tldraw note colour. */
  readonly color: NoteColor
  /** CSS colour for badges, legends and the verslag. */
  readonly hex: string
  /** Short symbol shown on the sticky so that the tag is never colour alone. */
  readonly symbol: string
  readonly label: { readonly nl: string; readonly en: string }
  /** Plural heading, e.g. "Bevorderende factoren". */
  readonly plural: { readonly nl: string; readonly en: string }
  /** Single key (no modifiers) that selects this tag and retags the selection. */
  readonly shortcut: string
}

export const TAG_INFO: Readonly<Record<Tag, TagInfo>> = {
  bevorderend: {
    tag: 'bevorderend',
    color: 'green',
    hex: '#2f9e44',
    symbol: '+',
    label: { nl: 'Bevorderend', en: 'Enabling' },
    plural: { nl: 'Bevorderende factoren', en: 'Enabling factors' },
    shortcut: '1',
  },
  belemmerend: {
    tag: 'belemmerend',
    color: 'red',
    hex: '#e03131',
    symbol: '−',
    label: { nl: 'Belemmerend', en: 'Hindering' },
    plural: { nl: 'Belemmerende factoren', en: 'Hindering factors' },
    shortcut: '2',
  },
  afspraak: {
    tag: 'afspraak',
    color: 'blue',
    hex: '#4465e9',
    symbol: '✓',
    label: { nl: 'Afspraak', en: 'Agreement' },
    plural: { nl: 'Afspraken', en: 'Agreements' },
    shortcut: '3',
  },
  conclusie: {
    tag: 'conclusie',
    color: 'violet',
    hex: '#ae3ec9',
    symbol: '!',
    label: { nl: 'Conclusie', en: 'Conclusion' },
    plural: { nl: 'Conclusies', en: 'Conclusions' },
    shortcut: '4',
  },
  regelruimte: {
    tag: 'regelruimte',
    color: 'orange',
    hex: '#e16919',
    symbol: '§',
    label: { nl: 'Regelruimte', en: 'Regulatory room' },
    plural: { nl: 'Regelruimte', en: 'Regulatory room' },
    shortcut: '5',
  },
  opmerking: {
    tag: 'opmerking',
    color: 'yellow',
    hex: '#f1ac4b',
    symbol: '…',
    label: { nl: 'Opmerking', en: 'Remark' },
    plural: { nl: 'Opmerkingen', en: 'Remarks' },
    shortcut: '0',
  },
}

export function isTag(value: unknown): value is Tag {
  return tagSchema.safeParse(value).success
}

/** The tag of a note's meta, falling back to "opmerking" for anything unknown. */
export function tagOf(meta: unknown): Tag {
  const tag = meta && typeof meta === 'object' ? (meta as { tag?: unknown }).tag : undefined
  return isTag(tag) ? tag : DEFAULT_TAG
}

export function tagForShortcut(key: string): Tag | undefined {
  return TAGS.find((t) => TAG_INFO[t].shortcut === key)
}
