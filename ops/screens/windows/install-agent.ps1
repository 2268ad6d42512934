# install-agent.ps1: the Talon device agent as a background task on a Windows kiosk or window PC
# with a ticket printer or call buttons. In an administrator's PowerShell, from the unpacked
# release (the same archive as for Linux: the agent's modules, serialport and node-hid, carry
# Windows builds; Windows 10 and 11 unpack .tar.gz with the built-in tar):
#   tar -xzf talon-0.1.0-linux-x64.tar.gz
#   cd talon-0.1.0\screens\windows
#   .\install-agent.ps1 -Server http://hall-server:8080 -Token <device token> -Printer 'serial:COM3?baud=19200'
# Node.js 20 for Windows must be installed (the .msi from nodejs.org works offline once copied).
# It copies the release to C:\Program Files\Talon, writes C:\ProgramData\Talon\agent.env and
# registers the scheduled task "Talon agent": at startup, as SYSTEM, restarted every minute by
# Windows if it stops; talon-agent.ps1 restarts node itself within seconds. Logs:
# C:\ProgramData\Talon\agent.log. NSSM (nssm.cc) can run the same command as a real service.
# NOT TESTED: no Windows machine was available when it was written.
#Requires -RunAsAdministrator
param(
  [Parameter(Mandatory = $true)][string]$Server,
  [Parameter(Mandatory = $true)][string]$Token,
  [string]$Printer = '',
  [string]$Buttons = '',
  [string]$Node = ''
)
$ErrorActionPreference = 'Stop'
if (-not $Node) { $Node = (Get-Command node.exe -ErrorAction SilentlyContinue).Source }
if (-not $Node) { $Node = "$env:ProgramFiles\nodejs\node.exe" }
if (-not (Test-Path $Node)) { throw 'Node.js 20 is not installed: install node-v20.x-x64.msi from nodejs.org, then run this again' }
$major = [int]((& $Node -p 'process.versions.node.split(".")[0]'))
if ($major -lt 20) { throw "Node.js $major is too old: Talon needs 20 or newer" }

$release = Resolve-Path (Join-Path $PSScriptRoot '..\..')
$installDir = "$env:ProgramFiles\Talon"
$data = 'C:\ProgramData\Talon'
New-Item -ItemType Directory -Force -Path $installDir, $data | Out-Null
foreach ($part in 'dist', 'node_modules', 'package.json', 'RELEASE') { Copy-Item -Recurse -Force (Join-Path $release $part) $installDir }
Copy-Item -Force (Join-Path $PSScriptRoot 'talon-agent.ps1') $data

$lines = @("AGENT_SERVER=$Server", "AGENT_TOKEN=$Token", 'LOG_LEVEL=info')
if ($Printer) { $lines += "AGENT_PRINTER=$Printer" }
if ($Buttons) { $lines += "AGENT_BUTTONS=$Buttons" }
Set-Content -Path "$data\agent.env" -Value $lines
# The token is a secret: only SYSTEM and administrators read the file.
icacls "$data\agent.env" /inheritance:r /grant:r 'SYSTEM:(R)' 'Administrators:(F)' | Out-Null

$arguments = "-NoProfile -ExecutionPolicy Bypass -File `"$data\talon-agent.ps1`" -Node `"$Node`" -InstallDir `"$installDir`""
$action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument $arguments
$trigger = New-ScheduledTaskTrigger -AtStartup
$principal = New-ScheduledTaskPrincipal -UserId 'SYSTEM' -LogonType ServiceAccount -RunLevel Highest
$settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit ([TimeSpan]::Zero) -RestartCount 999 -RestartInterval (New-TimeSpan -Minutes 1) -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries
Register-ScheduledTask -TaskName 'Talon agent' -Action $action -Trigger $trigger -Principal $principal -Settings $settings -Force | Out-Null
Start-ScheduledTask -TaskName 'Talon agent'
Write-Host "The Talon agent runs now and at every startup; its log: $data\agent.log"
