# One directory operation as the signed-in Windows user (Kerberos/NTLM via Negotiate), so a
# domain-joined workstation needs no password prompt. System.DirectoryServices.Protocols ships
# with Windows PowerShell 5.1 and PowerShell 7 on Windows.
#
# Input (base64 JSON, never interpolated): { op: 'rootdse'|'search'|'modify', server, port,
#   ldaps, timeoutSeconds, base?, scope?, filter?, attributes?, paged?, pageSize?, dn?,
#   changes?: [{ operation: 'add'|'delete', attribute, value }] }
# Output data: { ok: true, data } or { ok: false, error: { code, message, ldapCode? } } where
# code is a directory error code the TypeScript adapter understands.
param([string]$InputBase64)
if (-not (Get-Command Invoke-FerryMain -ErrorAction SilentlyContinue)) { . (Join-Path $PSScriptRoot '_prelude.ps1') }

Invoke-FerryMain -InputBase64 $InputBase64 -Body {
    param($in)
    Add-Type -AssemblyName System.DirectoryServices.Protocols

    function New-FerryConnection {
        param($in)
        $port = [int]$in.port
        $identifier = New-Object System.DirectoryServices.Protocols.LdapDirectoryIdentifier([string]$in.server, $port, $true, $false)
        $conn = New-Object System.DirectoryServices.Protocols.LdapConnection($identifier)
        # No credential: Negotiate uses the logged-on user's Kerberos ticket (NTLM as fallback).
        $conn.AuthType = [System.DirectoryServices.Protocols.AuthType]::Negotiate
        $conn.Timeout = [TimeSpan]::FromSeconds([double]$in.timeoutSeconds)
        $conn.SessionOptions.ProtocolVersion = 3
        # Referrals would silently send the user's ticket to another server.
        $conn.SessionOptions.ReferralChasing = [System.DirectoryServices.Protocols.ReferralChasingOptions]::None
        if ([bool]$in.ldaps) {
            # Certificate checks stay on: the Windows trust store decides, no callback override.
            $conn.SessionOptions.SecureSocketLayer = $true
        } else {
            # Integrity and confidentiality from the Kerberos session: nothing travels in clear.
            $conn.SessionOptions.Signing = $true
            $conn.SessionOptions.Sealing = $true
        }
        $conn.Bind()
        return $conn
    }

    function ConvertTo-FerryEntry {
        param($entry)
        $attrs = [ordered]@{}
        foreach ($name in $entry.Attributes.AttributeNames) {
            $values = $entry.Attributes[$name].GetValues([string])
            $attrs[([string]$name).ToLowerInvariant()] = @($values | ForEach-Object { [string]$_ })
        }
        return [ordered]@{ dn = [string]$entry.DistinguishedName; attrs = $attrs }
    }

    function Invoke-FerrySearch {
        param($conn, $in)
        $scope = [System.DirectoryServices.Protocols.SearchScope]::Subtree
        if ($in.scope -eq 'base') { $scope = [System.DirectoryServices.Protocols.SearchScope]::Base }
        if ($in.scope -eq 'one') { $scope = [System.DirectoryServices.Protocols.SearchScope]::OneLevel }
        [string[]]$attributes = @($in.attributes | ForEach-Object { [string]$_ })
        $request = New-Object System.DirectoryServices.Protocols.SearchRequest([string]$in.base, [string]$in.filter, $scope, $attributes)
        $entries = New-Object System.Collections.ArrayList
        $page = $null
        if ([bool]$in.paged) {
            $page = New-Object System.DirectoryServices.Protocols.PageResultRequestControl([int]$in.pageSize)
            [void]$request.Controls.Add($page)
        }
        while ($true) {
            $response = [System.DirectoryServices.Protocols.SearchResponse]$conn.SendRequest($request)
            foreach ($e in $response.Entries) { [void]$entries.Add((ConvertTo-FerryEntry $e)) }
            if ($null -eq $page) { break }
            $cookie = $null
            foreach ($c in $response.Controls) {
                if ($c -is [System.DirectoryServices.Protocols.PageResultResponseControl]) { $cookie = $c.Cookie }
            }
            if ($null -eq $cookie -or $cookie.Length -eq 0) { break }
            $page.Cookie = $cookie
        }
        return , $entries.ToArray()
    }

    function Invoke-FerryModify {
        param($conn, $in)
        # Value-level changes only: one value per modification, never a whole-attribute replace.
        # A delete+add pair (userAccountControl) travels in this one request, so it is atomic and
        # fails if the old value is no longer there.
        $request = New-Object System.DirectoryServices.Protocols.ModifyRequest
        $request.DistinguishedName = [string]$in.dn
        foreach ($change in @($in.changes)) {
            $mod = New-Object System.DirectoryServices.Protocols.DirectoryAttributeModification
            $mod.Name = [string]$change.attribute
            if ($change.operation -eq 'add') {
                $mod.Operation = [System.DirectoryServices.Protocols.DirectoryAttributeOperation]::Add
            } elseif ($change.operation -eq 'delete') {
                $mod.Operation = [System.DirectoryServices.Protocols.DirectoryAttributeOperation]::Delete
            } else {
                throw 'Only add and delete of single values are allowed.'
            }
            [void]$mod.Add([string]$change.value)
            [void]$request.Modifications.Add($mod)
        }
        [void]$conn.SendRequest($request)
        return [ordered]@{ modified = $true }
    }

    function Get-FerryDirectoryCode {
        param([int]$LdapCode)
        switch ($LdapCode) {
            49 { return 'bad-credentials' }
            8 { return 'tls-required' }
            13 { return 'tls-required' }
            19 { return 'insufficient-rights' }
            50 { return 'insufficient-rights' }
            53 { return 'insufficient-rights' }
            32 { return 'not-found' }
            16 { return 'conflict' }
            20 { return 'conflict' }
            81 { return 'unreachable' }
            85 { return 'unreachable' }
            91 { return 'unreachable' }
        }
        return 'failed'
    }

    if (@('rootdse', 'search', 'modify') -notcontains [string]$in.op) {
        return [ordered]@{ ok = $false; error = [ordered]@{ code = 'invalid-input'; message = 'Unknown directory operation.' } }
    }
    $conn = $null
    try {
        $conn = New-FerryConnection $in
        if ($in.op -eq 'rootdse') {
            $request = New-Object System.DirectoryServices.Protocols.SearchRequest('', '(objectClass=*)', [System.DirectoryServices.Protocols.SearchScope]::Base, [string[]]@('defaultNamingContext', 'dnsHostName'))
            $response = [System.DirectoryServices.Protocols.SearchResponse]$conn.SendRequest($request)
            $entries = @($response.Entries | ForEach-Object { ConvertTo-FerryEntry $_ })
            $who = [Security.Principal.WindowsIdentity]::GetCurrent().Name
            return [ordered]@{ ok = $true; data = [ordered]@{ rootDse = $entries; user = [string]$who } }
        }
        if ($in.op -eq 'search') {
            return [ordered]@{ ok = $true; data = (Invoke-FerrySearch $conn $in) }
        }
        return [ordered]@{ ok = $true; data = (Invoke-FerryModify $conn $in) }
    } catch {
        $ex = $_.Exception
        while ($null -ne $ex.InnerException -and -not ($ex -is [System.DirectoryServices.Protocols.DirectoryException])) { $ex = $ex.InnerException }
        $ldapCode = -1
        if ($ex -is [System.DirectoryServices.Protocols.DirectoryOperationException] -and $null -ne $ex.Response) {
            $ldapCode = [int]$ex.Response.ResultCode
        } elseif ($ex -is [System.DirectoryServices.Protocols.LdapException]) {
            $ldapCode = [int]$ex.ErrorCode
        }
        $err = [ordered]@{ code = (Get-FerryDirectoryCode $ldapCode); message = [string]$ex.Message }
        if ($ldapCode -ge 0) { $err['ldapCode'] = $ldapCode }
        return [ordered]@{ ok = $false; error = $err }
    } finally {
        if ($null -ne $conn) { $conn.Dispose() }
    }
}
