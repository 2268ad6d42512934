# install-screen.ps1: a Windows PC opens a Talon screen at logon (kiosk, window PC or hall TV).
# In an administrator's PowerShell, from the release's screens\windows folder:
#   .\install-screen.ps1 -Url http://hall-server:8080/kiosk/ -User kiosk
#   .\install-screen.ps1 -Url 'http://hall-server:8080/display/?board=main' -User tv -RestartAt 04:30
# It copies talon-screen.ps1 to C:\ProgramData\Talon, registers the scheduled task "Talon screen"
# that starts it at the user's logon, and turns off the display timeout and sleep on mains power.
# Automatic logon of that user: Sysinternals Autologon, or netplwiz (untick "Users must enter a
# user name and password").
# NOT TESTED: written for Windows 10/11 (Windows PowerShell 5.1, ScheduledTasks module); no
# Windows machine was available when it was written.
#Requires -RunAsAdministrator
param(
  [Parameter(Mandatory = $true)][string]$Url,
  [Parameter(Mandatory = $true)][string]$User,
  [string]$RestartAt = ''
)
$ErrorActionPreference = 'Stop'
if ($Url -notmatch '^https?://') { throw "$Url is not an http(s) address" }
if ($RestartAt -and $RestartAt -notmatch '^([01][0-9]|2[0-3]):[0-5][0-9]$') { throw '-RestartAt takes HH:mm' }

$dir = 'C:\ProgramData\Talon'
New-Item -ItemType Directory -Force -Path $dir | Out-Null
Copy-Item -Force (Join-Path $PSScriptRoot 'talon-screen.ps1') $dir

$arguments = "-NoProfile -ExecutionPolicy Bypass -WindowStyle Hidden -File `"$dir\talon-screen.ps1`" -Url `"$Url`""
if ($RestartAt) { $arguments += " -RestartAt $RestartAt" }
$action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument $arguments
$trigger = New-ScheduledTaskTrigger -AtLogOn -User $User
$principal = New-ScheduledTaskPrincipal -UserId $User -LogonType Interactive -RunLevel Limited
# No time limit, and started again by Windows should the script itself stop.
$settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit ([TimeSpan]::Zero) -RestartCount 999 -RestartInterval (New-TimeSpan -Minutes 1) -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries
Register-ScheduledTask -TaskName 'Talon screen' -Action $action -Trigger $trigger -Principal $principal -Settings $settings -Force | Out-Null

# The screen never blanks and the PC never sleeps on mains power.
powercfg /change monitor-timeout-ac 0
powercfg /change standby-timeout-ac 0
powercfg /change hibernate-timeout-ac 0
Write-Host "At the next logon of $User, Talon opens $Url"
