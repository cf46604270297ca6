/**
 * Bench (not a test): `npm run bench -- port-probe`.
 * The real-host port probe of test-ports.ps1 (its remote block, run here with Invoke-Command
 * stubbed to run it locally) against loopback ports that are open, refused, and dropped (a
 * listener whose backlog is full: SYNs get no answer, as behind a dropping firewall).
 * Figure: the time for 1 open + 1 refused + 5 dropped ports with the bounded probe (3 s, all at
 * once) beside the same ports probed one at a time with the same bound. Target: one timeout,
 * about 3 s, however many ports are dropped (Test-NetConnection waits ~21 s per dropped port).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolvePowerShellExecutable } from '../../electron/services/powershell/executable';
import { powershellProcessEnv } from '../../electron/services/powershell/process-env';

const HARNESS = String.raw`param([string]$Scripts)
$ErrorActionPreference = 'Stop'
. (Join-Path $Scripts '_prelude.ps1')
$global:FerryMode = 'real'
function global:Invoke-Command { param([string[]]$ComputerName, [scriptblock]$ScriptBlock, [object[]]$ArgumentList = @()) & $ScriptBlock @ArgumentList }
function New-Listener([int]$Backlog) {
    $s = New-Object System.Net.Sockets.Socket ([System.Net.Sockets.AddressFamily]::InterNetwork), ([System.Net.Sockets.SocketType]::Stream), ([System.Net.Sockets.ProtocolType]::Tcp)
    $s.Bind((New-Object System.Net.IPEndPoint ([ipaddress]::Loopback), 0)); $s.Listen($Backlog); return $s
}
$open = New-Listener 16
$closed = New-Listener 1; $closedPort = $closed.LocalEndPoint.Port; $closed.Close()
$dropped = @(); $fillers = @()
for ($i = 0; $i -lt 5; $i++) {
    $l = New-Listener 0; $dropped += $l
    $f = New-Object System.Net.Sockets.TcpClient; [void]$f.ConnectAsync('127.0.0.1', $l.LocalEndPoint.Port).Wait(1000); $fillers += $f
}
$ports = @($open.LocalEndPoint.Port, $closedPort) + @($dropped | ForEach-Object { $_.LocalEndPoint.Port })
function Invoke-Probe([int[]]$P) {
    $json = ConvertTo-Json -Compress -InputObject ([ordered]@{ from = 'HV01'; target = '127.0.0.1'; ports = $P; timeoutMs = 3000 })
    $null = & (Join-Path $Scripts 'test-ports.ps1') -InputBase64 ([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($json)))
}
Invoke-Probe @($open.LocalEndPoint.Port)  # warm-up: the script's first run compiles it
$sw = [Diagnostics.Stopwatch]::StartNew(); Invoke-Probe $ports; $together = $sw.ElapsedMilliseconds
$sw = [Diagnostics.Stopwatch]::StartNew(); foreach ($p in $ports) { Invoke-Probe @($p) }; $apart = $sw.ElapsedMilliseconds
[Console]::Out.WriteLine("FERRY-BENCH:$together;$apart")
`;

function main(): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ferry-bench-ports-'));
  try {
    const file = path.join(dir, 'probe.ps1');
    writeFileSync(file, HARNESS);
    const out = execFileSync(resolvePowerShellExecutable(), ['-NoProfile', '-NonInteractive', '-File', file, '-Scripts', path.resolve('electron/services/powershell/scripts')], {
      env: powershellProcessEnv(process.env),
      encoding: 'utf8',
      timeout: 120_000,
    });
    const line = out.split(/\r?\n/).find((l) => l.includes('FERRY-BENCH:')) ?? '';
    const [together, apart] = line.slice(line.indexOf('FERRY-BENCH:') + 12).split(';').map(Number);
    console.log('port probe, 1 open + 1 refused + 5 dropped ports, 3 s bound per connect:');
    console.log(`  all at once (test-ports.ps1)   ${((together ?? NaN) / 1000).toFixed(2)} s`);
    console.log(`  one at a time (baseline)       ${((apart ?? NaN) / 1000).toFixed(2)} s`);
    console.log(`  ratio                          ${((apart ?? NaN) / (together ?? NaN)).toFixed(1)}x`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
