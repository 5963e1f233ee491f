; Inno Setup script for the Windows installer: packaging/build.py runs
;   iscc /DVersion=X /DSource=dist\factcheck /Odist packaging\windows\factcheck.iss
; when Inno Setup is installed. Not run on Linux; the CI workflow runs it on Windows.
#ifndef Version
  #define Version "0.0.0"
#endif
#ifndef Source
  #define Source "..\..\dist\factcheck"
#endif

[Setup]
AppId=org.factcheck.Workbench
AppName=factcheck
AppVersion={#Version}
AppPublisher=factcheck
DefaultDirName={autopf}\factcheck
DefaultGroupName=factcheck
OutputBaseFilename=factcheck-{#Version}-setup
Compression=lzma2
SolidCompression=yes
ChangesAssociations=yes
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "{#Source}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\factcheck"; Filename: "{app}\factcheck.exe"

; .factcheck files open in factcheck (a second one goes to the running app: see
; factcheck/ui/single_instance.py).
[Registry]
Root: HKA; Subkey: "Software\Classes\.factcheck"; ValueType: string; ValueName: ""; ValueData: "org.factcheck.Workbench.project"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\org.factcheck.Workbench.project"; ValueType: string; ValueName: ""; ValueData: "factcheck project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\org.factcheck.Workbench.project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\factcheck.exe,0"
Root: HKA; Subkey: "Software\Classes\org.factcheck.Workbench.project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\factcheck.exe"" ""%1"""
