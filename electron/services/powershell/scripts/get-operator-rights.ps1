# Whether an account is in the local Hyper-V Administrators (S-1-5-32-578) or Administrators
# (S-1-5-32-544) group of a host: moving VMs needs one of them on both hosts (reference §4.3).
# Groups are found by SID, never by name: names are localized ("Hyper-V-Administratoren").
# Input: { computerName, user? } — no user: the account Ferry's session runs as on that host.
# Output: { computerName, user, hyperVAdministrators, administrators, nestedGroups }, each
# membership 'yes' | 'no' | 'unknown'.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    $computer = [string]$in.computerName
    $user = ''
    if ($null -ne $in.PSObject.Properties['user'] -and $null -ne $in.user) { $user = [string]$in.user }
    $sids = @('S-1-5-32-578', 'S-1-5-32-544')

    # Runs on the host (remoting: self-contained, no prelude functions).
    $probe = {
        param([string]$u, [string[]]$groupSids)
        if ($u -eq '') { $u = [Security.Principal.WindowsIdentity]::GetCurrent().Name }
        # Compare by SID where the name translates (real Windows); else by name: DOMAIN\user
        # exactly, or a bare/UPN name by its account part.
        $userSid = $null
        try { $userSid = ([Security.Principal.NTAccount]$u).Translate([Security.Principal.SecurityIdentifier]).Value } catch { $userSid = $null }
        $account = $u
        if ($account.Contains('@')) { $account = $account.Substring(0, $account.IndexOf('@')) }
        $qualified = $account.Contains('\')
        $result = @{ user = $u; nested = @() }
        # Which members could be groups holding the account: told by SID and PrincipalSource, not by
        # ObjectClass, whose words are localized ("Benutzer"/"Gruppe" on a German Windows). Local
        # groups cannot contain local groups, so a Local member is an account; in a domain SID the
        # RIDs below 1000 are the well-known accounts (500–503) and groups (512 Domain Admins …);
        # Everyone, Authenticated Users and Interactive contain every signed-in account. For other
        # domain members the class word is compared with the words this same answer uses for
        # members whose kind their SID gives away; an unplaced one counts as a possible group.
        $kindOf = {
            param($m)
            $sid = [string]$m.SID
            if (@('S-1-1-0', 'S-1-5-11', 'S-1-5-4') -contains $sid) { return 'group' }
            if ($sid -match '^S-1-5-32-') { return 'account' }
            if ($sid -match '^S-1-5-21-\d+-\d+-\d+-(\d+)$') {
                $rid = [int64]$matches[1]
                if ([string]$m.PrincipalSource -eq 'Local') { return 'account' }
                if ($rid -ge 500 -and $rid -le 503) { return 'account' }
                if ($rid -lt 1000) { return 'group' }
            }
            return 'unplaced'
        }
        $listed = @{}
        $failed = @{}
        foreach ($sid in $groupSids) {
            try {
                $listed[$sid] = @(Get-LocalGroupMember -SID $sid -ErrorAction Stop)
            } catch {
                # E.g. error 1789 when the group holds an orphaned SID: say unknown, do not guess.
                $failed[$sid] = $_.Exception.Message
            }
        }
        $accountWords = @{}; $groupWords = @{}
        foreach ($sid in $listed.Keys) {
            foreach ($m in $listed[$sid]) {
                $k = & $kindOf $m
                if ($k -eq 'account') { $accountWords[[string]$m.ObjectClass] = $true }
                elseif ($k -eq 'group') { $groupWords[[string]$m.ObjectClass] = $true }
            }
        }
        foreach ($sid in $groupSids) {
            if ($failed.ContainsKey($sid)) {
                $result[$sid] = 'unknown'
                $result['error'] = $failed[$sid]
                continue
            }
            $state = 'no'
            foreach ($m in $listed[$sid]) {
                $name = [string]$m.Name
                $isMe = $false
                if ($null -ne $userSid -and [string]$m.SID -eq $userSid) { $isMe = $true }
                elseif ($qualified) { $isMe = $name -eq $account }
                else { $isMe = ($name.Split('\')[-1]) -eq $account }
                if ($isMe) { $state = 'yes'; break }
                # A domain group in the local group may contain the account (nested): the host cannot
                # expand it, so the answer is 'unknown' rather than a guess.
                $k = & $kindOf $m
                $word = [string]$m.ObjectClass
                if ($k -eq 'unplaced') {
                    if ($accountWords.ContainsKey($word) -and -not $groupWords.ContainsKey($word)) { $k = 'account' } else { $k = 'group' }
                }
                if ($k -eq 'group') { $result['nested'] += $name }
            }
            if ($state -ne 'yes' -and @($result['nested']).Count -gt 0) { $state = 'unknown' }
            $result[$sid] = $state
        }
        $result
    }

    if (Test-FerryLab) {
        # Lab: the module stands in for the remote session (faults apply) and for the host's groups.
        if ($user -eq '') { $user = Get-HyperVLabIdentity }
        $raw = Invoke-HyperVLabOnHost -ComputerName $computer -ScriptBlock $probe -ArgumentList $user, $sids
    } else {
        $raw = Invoke-Command -ComputerName $computer -ScriptBlock $probe -ArgumentList $user, $sids
    }
    $out = [ordered]@{
        computerName = $computer
        user = [string]$raw['user']
        hyperVAdministrators = [string]$raw['S-1-5-32-578']
        administrators = [string]$raw['S-1-5-32-544']
        nestedGroups = @(@($raw['nested']) | Where-Object { $null -ne $_ } | ForEach-Object { [string]$_ } | Select-Object -Unique)
    }
    if ($null -ne $raw['error']) { $out['error'] = [string]$raw['error'] }
    return $out
}
