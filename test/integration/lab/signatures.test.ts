/**
 * The HyperVLab module must expose every cmdlet of the reference with the same parameter
 * names, types, aliases, sets, positions, mandatory and pipeline flags, and default set. The
 * module is loaded in real pwsh and `Get-Command` metadata is compared field by field.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { powershellProcessEnv } from '../../../electron/services/powershell/process-env';

const root = process.cwd();
// The module compiles its types into <lab>/.cache: a scratch folder, never the checkout.
const scratch = mkdtempSync(path.join(os.tmpdir(), 'ferry-signatures-'));
const pwsh = process.env.FERRY_PWSH ?? path.join(root, '.tools/pwsh/pwsh');
const modulePath = path.join(root, 'electron/services/lab/module/HyperVLab.psd1');
const referencePath = process.env.FERRY_SIGNATURES ?? '/work/shared/reference/hyperv-signatures.json';
const localCopy = path.join(root, 'test/integration/lab/hyperv-signatures.json');

interface RefSet { set: string; mandatory: boolean; position: number | null; valueFromPipeline: boolean; valueFromPipelineByPropertyName: boolean }
interface RefParam { name: string; type: string; aliases: string[]; sets: RefSet[] }
interface RefCmdlet { defaultParameterSet: string | null; supportsShouldProcess: boolean; parameterSets: string[]; parameters: RefParam[] }
interface Reference { cmdlets: Record<string, RefCmdlet> }

const DUMP = String.raw`
$ErrorActionPreference = 'Stop'
Import-Module $env:LAB_MODULE -Force
$common = @('Verbose','Debug','ErrorAction','WarningAction','InformationAction','ProgressAction','ErrorVariable','WarningVariable','InformationVariable','OutVariable','OutBuffer','PipelineVariable')
$out = [ordered]@{}
foreach ($name in ($env:LAB_CMDLETS -split ',')) {
  $cmd = Get-Command -Name $name -Module HyperVLab
  $params = @()
  foreach ($p in $cmd.Parameters.Values) {
    if ($common -contains $p.Name) { continue }
    $sets = @()
    foreach ($k in $p.ParameterSets.Keys) {
      $m = $p.ParameterSets[$k]
      $pos = $null; if ($m.Position -ne [int]::MinValue) { $pos = $m.Position }
      $sets += [ordered]@{ set = $k; mandatory = $m.IsMandatory; position = $pos; valueFromPipeline = $m.ValueFromPipeline; valueFromPipelineByPropertyName = $m.ValueFromPipelineByPropertyName }
    }
    $params += [ordered]@{ name = $p.Name; type = $p.ParameterType.ToString(); aliases = @($p.Aliases); sets = $sets }
  }
  $out[$name] = [ordered]@{ defaultParameterSet = $cmd.DefaultParameterSet; parameterSets = @($cmd.ParameterSets | ForEach-Object { $_.Name }); parameters = $params }
}
ConvertTo-Json -InputObject $out -Depth 8 -Compress
`;

// Cmdlets the reference does not list (Get-VHD…), from the docs, in the same format.
const extraPath = path.join(root, 'electron/services/lab/tools/hyperv-signatures-extra.json');

function loadReference(): Reference {
  const file = existsSync(referencePath) ? referencePath : localCopy;
  const ref = JSON.parse(readFileSync(file, 'utf8')) as Reference;
  const extra = JSON.parse(readFileSync(extraPath, 'utf8')) as Reference;
  return { cmdlets: { ...extra.cmdlets, ...ref.cmdlets } };
}

const sortSets = (sets: RefSet[]) => [...sets].sort((a, b) => a.set.localeCompare(b.set));

describe('HyperVLab signatures match the Hyper-V reference', () => {
  const reference = loadReference();
  const names = Object.keys(reference.cmdlets);
  const actual = JSON.parse(
    execFileSync(pwsh, ['-NoProfile', '-NonInteractive', '-Command', DUMP], {
      env: { ...powershellProcessEnv(process.env), LAB_MODULE: modulePath, LAB_CMDLETS: names.join(','), FERRY_LAB_DIR: scratch },
      encoding: 'utf8',
      maxBuffer: 32 * 1024 * 1024,
    }),
  ) as Record<string, { defaultParameterSet: string; parameterSets: string[]; parameters: RefParam[] }>;

  it('covers every cmdlet of the reference', () => {
    expect(names.length).toBeGreaterThanOrEqual(16);
    expect(Object.keys(actual).sort()).toEqual([...names].sort());
  });

  for (const name of names) {
    it(`${name}: sets, default set and every parameter`, () => {
      const ref = reference.cmdlets[name]!;
      const got = actual[name]!;
      // Get-Command reports null when CmdletBinding names no default set, exactly as the reference does.
      expect(got.defaultParameterSet ?? null, 'default set').toBe(ref.defaultParameterSet);
      expect([...got.parameterSets].sort(), 'parameter sets').toEqual([...ref.parameterSets].sort());
      expect(got.parameters.map((p) => p.name).sort(), 'parameter names').toEqual(ref.parameters.map((p) => p.name).sort());
      for (const rp of ref.parameters) {
        const gp = got.parameters.find((p) => p.name === rp.name)!;
        expect(gp.type, `${rp.name} type`).toBe(rp.type);
        expect([...gp.aliases].sort(), `${rp.name} aliases`).toEqual([...rp.aliases].sort());
        expect(sortSets(gp.sets), `${rp.name} sets`).toEqual(sortSets(rp.sets));
      }
    });
  }
});
