; Samen Kijken: hooks for Tauri's NSIS installer (bundle > windows > nsis > installerHooks).
;
; The uninstaller's confirm page has a check box "Delete the application data". Ticked, Tauri's template
; removes %APPDATA%\nl.samenkijken.desktop, and that folder holds the vault (kluis\vault.db, vault.key):
; one click would destroy a practitioner's whole caseload, with no way back. A package manager never
; removes user data here, so the box is reset before the template reads it, and the user is told where
; the vault stays and how to remove it on purpose.

!macro NSIS_HOOK_PREUNINSTALL
  ${If} $DeleteAppDataCheckboxState = 1
    StrCpy $DeleteAppDataCheckboxState 0
    ${IfNot} ${Silent}
      MessageBox MB_OK|MB_ICONINFORMATION "De kluis met je casussen blijft bewaard in $APPDATA\${BUNDLEID}\kluis. Wil je hem echt weg hebben? Maak eerst een reservekopie en verwijder die map daarna zelf."
    ${EndIf}
  ${EndIf}
!macroend
