import type { Editor } from 'tldraw'
import { MAX_PICTURE_BYTES } from '../../shared/verslag/versions'

/**
 * The whole board as a PNG (tldraw's own export), small enough for the
 * upload cap: scaled down until it fits. Null for an empty board.
 */
export async function exportBoardPicture(editor: Editor): Promise<Blob | null> {
  const ids = [...editor.getCurrentPageShapeIds()]
  if (ids.length === 0) return null
  for (const scale of [1, 0.6, 0.35, 0.2]) {
    const { blob } = await editor.toImage(ids, { format: 'png', background: true, padding: 32, scale, pixelRatio: 1 })
    if (blob.size <= MAX_PICTURE_BYTES) return blob
  }
  return null
}
