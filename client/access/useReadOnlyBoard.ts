import { useEffect } from 'react'
import type { Editor } from 'tldraw'

/**
 * A waarnemer's board is read-only in the UI too. The server enforces it
 * regardless (SPEC P6): this only spares the waarnemer edits that go nowhere.
 */
export function useReadOnlyBoard(editor: Editor | null, readOnly: boolean): void {
  useEffect(() => {
    if (!editor) return
    editor.updateInstanceState({ isReadonly: readOnly })
  }, [editor, readOnly])
}
