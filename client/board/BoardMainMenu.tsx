import {
  AccessibilityMenu,
  ColorSchemeMenu,
  DefaultMainMenu,
  EditSubmenu,
  ExportFileContentSubMenu,
  InputModeMenu,
  KeyboardShortcutsMenuItem,
  TldrawUiMenuActionItem,
  TldrawUiMenuGroup,
  TldrawUiMenuSubmenu,
  ToggleDynamicSizeModeItem,
  ToggleEdgeScrollingItem,
  ToggleFocusModeItem,
  ToggleGridItem,
  TogglePasteAtCursorItem,
  ToggleSnapModeItem,
  ToggleToolLockItem,
  ToggleWrapModeItem,
  ViewSubmenu,
} from 'tldraw'

/**
 * tldraw's main menu without its own Language submenu (the board follows
 * our NL/EN switch; a second language choice there left the canvas in
 * another language than the rest) and without "Insert embed" (an embed
 * loads a third-party page into every participant's board).
 */
export function BoardMainMenu() {
  return (
    <DefaultMainMenu>
      <TldrawUiMenuGroup id="basic">
        <EditSubmenu />
        <ViewSubmenu />
        <ExportFileContentSubMenu />
        <TldrawUiMenuActionItem actionId="insert-media" />
      </TldrawUiMenuGroup>
      <TldrawUiMenuGroup id="preferences">
        <TldrawUiMenuSubmenu id="preferences" label="menu.preferences">
          <TldrawUiMenuGroup id="preferences-actions">
            <ToggleSnapModeItem />
            <ToggleToolLockItem />
            <ToggleGridItem />
            <ToggleWrapModeItem />
            <ToggleFocusModeItem />
            <ToggleEdgeScrollingItem />
            <ToggleDynamicSizeModeItem />
            <TogglePasteAtCursorItem />
          </TldrawUiMenuGroup>
          <TldrawUiMenuGroup id="user-interface-submenus">
            <AccessibilityMenu />
            <InputModeMenu />
            <ColorSchemeMenu />
          </TldrawUiMenuGroup>
        </TldrawUiMenuSubmenu>
        <KeyboardShortcutsMenuItem />
      </TldrawUiMenuGroup>
    </DefaultMainMenu>
  )
}
