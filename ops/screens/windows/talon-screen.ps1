# talon-screen.ps1 -Url URL [-RestartAt HH:mm]: a Talon screen full-screen in Chrome's (or Edge's)
# kiosk mode, kept open; the Windows twin of screens/linux/talon-screen. Started at logon by the
# scheduled task that install-screen.ps1 creates. It waits until the hall server answers, keeps
# the display on while it runs, restarts the browser whenever it exits, and optionally restarts
# it once a day at -RestartAt.
# NOT TESTED: written for Windows 10/11 with Windows PowerShell 5.1; no Windows machine was
# available when it was written (the Linux script is tested with a real Chromium).
param(
  [Parameter(Mandatory = $true)][string]$Url,
  [string]$RestartAt = '',
  [string]$Browser = ''
)
$ErrorActionPreference = 'Continue'

function Write-Log([string]$Message) {
  $line = "{0:yyyy-MM-dd HH:mm:ss} {1}" -f (Get-Date), $Message
  $dir = Join-Path $env:LOCALAPPDATA 'TalonScreen'
  New-Item -ItemType Directory -Force -Path $dir | Out-Null
  Add-Content -Path (Join-Path $dir 'talon-screen.log') -Value $line
}

# The display stays on and the PC awake while this script runs.
Add-Type -Namespace Talon -Name Power -MemberDefinition '[DllImport("kernel32.dll")] public static extern uint SetThreadExecutionState(uint flags);'
$ES_CONTINUOUS = [uint32]'0x80000000'; $ES_SYSTEM_REQUIRED = [uint32]'0x00000001'; $ES_DISPLAY_REQUIRED = [uint32]'0x00000002'
[Talon.Power]::SetThreadExecutionState($ES_CONTINUOUS -bor $ES_SYSTEM_REQUIRED -bor $ES_DISPLAY_REQUIRED) | Out-Null

if (-not $Browser) {
  $candidates = @(
    "$env:ProgramFiles\Google\Chrome\Application\chrome.exe",
    "${env:ProgramFiles(x86)}\Google\Chrome\Application\chrome.exe",
    "$env:LOCALAPPDATA\Google\Chrome\Application\chrome.exe",
    "${env:ProgramFiles(x86)}\Microsoft\Edge\Application\msedge.exe",
    "$env:ProgramFiles\Microsoft\Edge\Application\msedge.exe"
  )
  $Browser = $candidates | Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $Browser) { Write-Log 'no Chrome or Edge found'; exit 1 }
$isEdge = $Browser -like '*msedge.exe'
$profileDir = Join-Path $env:LOCALAPPDATA 'TalonScreen\profile'
$common = @("--user-data-dir=`"$profileDir`"", '--no-first-run', '--noerrdialogs', '--disable-infobars',
  '--disable-features=Translate,TranslateUI', '--overscroll-history-navigation=0', '--disable-pinch',
  '--autoplay-policy=no-user-gesture-required', '--disable-session-crashed-bubble')
if ($isEdge) { $arguments = @('--kiosk', "`"$Url`"", '--edge-kiosk-type=fullscreen') + $common }
else { $arguments = @('--kiosk', "--app=`"$Url`"") + $common }

$uri = [Uri]$Url
function Test-Server {
  try { $c = New-Object Net.Sockets.TcpClient; $c.Connect($uri.Host, $uri.Port); $c.Close(); return $true } catch { return $false }
}

$backoff = 2
while ($true) {
  if (-not (Test-Server)) {
    Write-Log "waiting for $($uri.Host):$($uri.Port)"
    while (-not (Test-Server)) { Start-Sleep -Seconds 3 }
  }
  # "Restore pages?" after a crash or a power cut: the last exit is marked clean.
  $prefs = Join-Path $profileDir 'Default\Preferences'
  if (Test-Path $prefs) {
    (Get-Content $prefs -Raw) -replace '"exited_cleanly":false', '"exited_cleanly":true' -replace '"exit_type":"[A-Za-z]*"', '"exit_type":"Normal"' | Set-Content $prefs -NoNewline
  }
  $started = Get-Date
  $p = Start-Process -FilePath $Browser -ArgumentList $arguments -PassThru
  Write-Log "browser started (pid $($p.Id)) on $Url"
  $restarted = $false
  while (-not $p.HasExited) {
    Start-Sleep -Seconds 5
    if ($RestartAt -and (Get-Date -Format 'HH:mm') -eq $RestartAt -and ((Get-Date) - $started).TotalSeconds -gt 120) {
      Write-Log "daily restart at $RestartAt"
      $restarted = $true
      Stop-Process -Id $p.Id -ErrorAction SilentlyContinue
    }
  }
  # Chrome hands a second start over to a running instance and exits: wait for its windows too.
  Get-Process -Name ([IO.Path]::GetFileNameWithoutExtension($Browser)) -ErrorAction SilentlyContinue |
    Where-Object { $_.MainWindowHandle -ne 0 } | ForEach-Object { $_.WaitForExit() }
  if ($restarted -or ((Get-Date) - $started).TotalSeconds -gt 60) { $backoff = 2 }
  Write-Log "browser exited; starting it again in $backoff s"
  Start-Sleep -Seconds $backoff
  $backoff = [Math]::Min($backoff * 2, 60)
}
