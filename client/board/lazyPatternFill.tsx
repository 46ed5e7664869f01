import { type ComponentType } from 'react'
import {
  ArrowShapeUtil,
  atom,
  DrawShapeUtil,
  GeoShapeUtil,
  useEditor,
  useValue,
  type Atom,
  type Editor,
  type TLRecord,
  type TLShapeUtilCanvasSvgDef,
} from 'tldraw'

/**
 * SPEC M20: tldraw's pattern fill ("patroon") draws its tiles ahead, on
 * every canvas: 18 images up to 2,048 px square (each zoom level, light and
 * dark), drawn on the main thread (in software on a machine without GPU) and
 * PNG-encoded, whether or not any shape uses it. Brownpaper's boards use it
 * rarely (stickies, sheets and links have none), so the tiles are made the
 * first time a shape with the pattern fill is on the board, and kept.
 */
const patternUsed = new WeakMap<Editor, Atom<boolean>>()

const hasPatternFill = (record: TLRecord | undefined): boolean =>
  record?.typeName === 'shape' && (record.props as { fill?: unknown }).fill === 'pattern'

/** True from the moment a shape of the editor's document has the pattern fill (any page). */
export function patternFillUsed(editor: Editor): Atom<boolean> {
  let used = patternUsed.get(editor)
  if (used) return used
  used = atom('pattern fill used', editor.store.allRecords().some(hasPatternFill))
  patternUsed.set(editor, used)
  if (!used.get()) {
    const found = used
    const stop = editor.store.listen(
      ({ changes }) => {
        const seen = Object.values(changes.added).some(hasPatternFill) || Object.values(changes.updated).some(([, to]) => hasPatternFill(to))
        if (!seen) return
        stop()
        found.set(true)
      },
      { scope: 'document' },
    )
  }
  return used
}

const wrapped = new Map<ComponentType, ComponentType>()

/** tldraw's canvas def of the pattern, rendered only once the pattern fill is used. */
function lazyDefs(defs: TLShapeUtilCanvasSvgDef[]): TLShapeUtilCanvasSvgDef[] {
  return defs.map(({ key, component: Inner }) => {
    let component = wrapped.get(Inner)
    if (!component) {
      component = function PatternFillWhenUsed() {
        const editor = useEditor()
        const used = useValue(patternFillUsed(editor))
        return used ? <Inner /> : null
      }
      wrapped.set(Inner, component)
    }
    return { key, component }
  })
}

/** tldraw's geo shape (rectangle, ellipse, …), its pattern tiles made when first used. */
export class LazyPatternGeoShapeUtil extends GeoShapeUtil {
  override getCanvasSvgDefs(): TLShapeUtilCanvasSvgDef[] {
    return lazyDefs(super.getCanvasSvgDefs())
  }
}

/** tldraw's drawing, its pattern tiles made when first used. */
export class LazyPatternDrawShapeUtil extends DrawShapeUtil {
  override getCanvasSvgDefs(): TLShapeUtilCanvasSvgDef[] {
    return lazyDefs(super.getCanvasSvgDefs())
  }
}

/** tldraw's arrow (a link between stickies), its pattern tiles made when first used. */
export class LazyPatternArrowShapeUtil extends ArrowShapeUtil {
  override getCanvasSvgDefs(): TLShapeUtilCanvasSvgDef[] {
    return lazyDefs(super.getCanvasSvgDefs())
  }
}

/** The shape utils whose canvas defs hold tldraw's pattern tiles. */
export const LAZY_PATTERN_SHAPE_UTILS = [LazyPatternGeoShapeUtil, LazyPatternDrawShapeUtil, LazyPatternArrowShapeUtil] as const
