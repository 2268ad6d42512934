# talon-agent.ps1: runs the Talon device agent with C:\ProgramData\Talon\agent.env and starts it
# again whenever it exits (the "Talon agent" scheduled task runs this at startup, as SYSTEM).
# Exit status 2 (a setting is wrong) and 3 (the server refused the token) need a person: the
# agent is then retried only every 10 minutes.
# NOT TESTED: no Windows machine was available when it was written.
param(
  [Parameter(Mandatory = $true)][string]$Node,
  [Parameter(Mandatory = $true)][string]$InstallDir
)
$data = 'C:\ProgramData\Talon'
$log = "$data\agent.log"
foreach ($line in Get-Content "$data\agent.env") {
  if ($line -match '^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$') { [Environment]::SetEnvironmentVariable($Matches[1], $Matches[2], 'Process') }
}
$env:NODE_ENV = 'production'
while ($true) {
  if ((Test-Path $log) -and (Get-Item $log).Length -gt 10MB) { Move-Item -Force $log "$log.1" }
  & $Node "$InstallDir\dist\agent\main.mjs" *>> $log
  $code = $LASTEXITCODE
  Add-Content $log ("{0:yyyy-MM-dd HH:mm:ss} agent exited with status {1}" -f (Get-Date), $code)
  if ($code -eq 2 -or $code -eq 3) { Start-Sleep -Seconds 600 } else { Start-Sleep -Seconds 5 }
}
