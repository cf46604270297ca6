# HyperVLab: the texts the lab's errors carry, in the lab's display language (dot-sourced by
# HyperVLab.psm1). lab.json `locale` = 'de-DE' makes them German, as on a German Windows, so the
# tests prove Ferry recognises errors by category, exception type and HRESULT, never by wording.
# English texts are Windows' own (sources in docs/windows.md); German ones are the lab's
# translations of them (the HRESULTs in them are what a German Windows shows, too).
# Runs on Windows PowerShell 5.1 and PowerShell 7.

$script:LabTexts = @{
    'en-US' = @{
        Unresolved = "The computer '{0}' could not be resolved. Make sure you typed the machine name correctly and that you have network access."
        Unreachable = "The operation on computer '{0}' failed: WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer is accessible over the network, and that a firewall exception for the WinRM service is enabled and allows access from this computer. By default, the WinRM firewall exception for public profiles limits access to remote computers within the same local subnet."
        AccessDenied = "You do not have the required permission to complete this task. Contact the administrator of the authorization policy for the computer '{0}'."
        VmNotFound = 'Hyper-V was unable to find a virtual machine with name "{0}".'
        VhdNotFound = "Getting the mounted storage instance for the path '{0}' failed. The system cannot find the file specified."
        VmAmbiguous = 'The name "{0}" matches {1} virtual machines on "{2}"; the operation needs exactly one.'
        SourceDisabled = "Virtual machine migration operation for '{0}' failed at migration source '{1}'. Virtual machine migration is not enabled on '{1}'."
        NoCredentials = "Virtual machine migration operation failed at migration Source. Failed to establish a connection with host '{0}': No credentials are available in the security package (0x8009030E)."
        UnknownCredentials = "Virtual machine migration operation failed at migration source. Failed to establish a connection with host '{0}': The credentials supplied to the package were not recognized (0x8009030D)."
        WrongPrincipal = "Virtual machine migration operation failed at migration source. Failed to establish a connection with host '{0}': The target principal name is incorrect. (0x80090322)."
        Refused = "Virtual machine migration operation for '{1}' failed at migration source '{2}'. The Virtual Machine Management Service failed to establish a connection for a Virtual Machine migration with host '{0}': No connection could be made because the target machine actively refused it. (0x8007274D)"
        TimedOut = "Virtual machine migration operation for '{1}' failed at migration source '{2}'. Failed to establish a connection with host '{0}': A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond. (0x8007274C)"
        LocalStorage = "The virtual hard disk '{0}' of virtual machine '{1}' is on storage local to '{2}', which the destination cannot reach. Move the storage with the virtual machine, or keep its files on an SMB share."
        KlistFailed = "Current LogonId is 0:0x3e7`nTargeted LogonId is 0:0x3e7`nDeleting all tickets:`nError calling API LsaCallAuthenticationPackage (PurgeTicketEx substatus): 5"
        KlistPurged = "Current LogonId is 0:0x3e7`nTargeted LogonId is 0:0x3e7`nDeleting all tickets:`nTicket(s) purged!"
        RemotingDenied = 'Connecting to remote server {0} failed with the following error message : Access is denied. For more information, see the about_Remote_Troubleshooting Help topic.'
        User = 'User'
        Group = 'Group'
    }
    'de-DE' = @{
        Unresolved = "Der Computer '{0}' konnte nicht aufgelöst werden. Stellen Sie sicher, dass Sie den Computernamen richtig eingegeben haben und über Netzwerkzugriff verfügen."
        Unreachable = "Fehler beim Vorgang auf dem Computer '{0}': Der WinRM-Client kann den Vorgang nicht abschließen. Stellen Sie sicher, dass der angegebene Computername gültig ist, dass der Computer über das Netzwerk erreichbar ist und dass eine Firewallausnahme für den WinRM-Dienst aktiviert ist und den Zugriff von diesem Computer zulässt."
        AccessDenied = "Sie verfügen nicht über die erforderliche Berechtigung zum Ausführen dieser Aufgabe. Wenden Sie sich an den Administrator der Autorisierungsrichtlinie für den Computer '{0}'."
        VmNotFound = 'Hyper-V konnte keinen virtuellen Computer mit dem Namen "{0}" finden.'
        VhdNotFound = "Fehler beim Abrufen der bereitgestellten Speicherinstanz für den Pfad '{0}'. Das System kann die angegebene Datei nicht finden."
        VmAmbiguous = 'Der Name "{0}" passt auf {1} virtuelle Computer auf "{2}"; der Vorgang benötigt genau einen.'
        SourceDisabled = "Fehler beim Migrationsvorgang für den virtuellen Computer '{0}' am Migrationsquellort '{1}'. Die Migration virtueller Computer ist auf '{1}' nicht aktiviert."
        NoCredentials = "Fehler beim Migrationsvorgang für den virtuellen Computer am Migrationsquellort. Fehler beim Herstellen einer Verbindung mit dem Host '{0}': Im Sicherheitspaket sind keine Anmeldeinformationen verfügbar (0x8009030E)."
        UnknownCredentials = "Fehler beim Migrationsvorgang für den virtuellen Computer am Migrationsquellort. Fehler beim Herstellen einer Verbindung mit dem Host '{0}': Die der Sicherheitsfunktion bereitgestellten Anmeldeinformationen wurden nicht erkannt (0x8009030D)."
        WrongPrincipal = "Fehler beim Migrationsvorgang für den virtuellen Computer am Migrationsquellort. Fehler beim Herstellen einer Verbindung mit dem Host '{0}': Der Zielprinzipalname ist falsch. (0x80090322)."
        Refused = "Fehler beim Migrationsvorgang für den virtuellen Computer '{1}' am Migrationsquellort '{2}'. Der Verwaltungsdienst für virtuelle Computer konnte keine Verbindung für eine Migration mit dem Host '{0}' herstellen: Es konnte keine Verbindung hergestellt werden, da der Zielcomputer die Verbindung verweigerte. (0x8007274D)"
        TimedOut = "Fehler beim Migrationsvorgang für den virtuellen Computer '{1}' am Migrationsquellort '{2}'. Fehler beim Herstellen einer Verbindung mit dem Host '{0}': Ein Verbindungsversuch ist fehlgeschlagen, da die Gegenstelle nach einer bestimmten Zeitspanne nicht richtig reagiert hat, oder die hergestellte Verbindung war fehlerhaft, da der verbundene Host nicht reagiert hat. (0x8007274C)"
        LocalStorage = "Die virtuelle Festplatte '{0}' des virtuellen Computers '{1}' liegt auf lokalem Speicher von '{2}', den das Ziel nicht erreicht. Verschieben Sie den Speicher mit dem virtuellen Computer, oder legen Sie die Dateien auf eine SMB-Freigabe."
        KlistFailed = "Aktuelle Anmelde-ID ist 0:0x3e7`nZiel-Anmelde-ID ist 0:0x3e7`nAlle Tickets werden gelöscht:`nFehler beim Aufrufen der API LsaCallAuthenticationPackage (PurgeTicketEx-Unterstatus): 5"
        KlistPurged = "Aktuelle Anmelde-ID ist 0:0x3e7`nZiel-Anmelde-ID ist 0:0x3e7`nAlle Tickets werden gelöscht:`nTicket(s) gelöscht!"
        RemotingDenied = 'Beim Verbinden mit dem Remoteserver "{0}" ist folgender Fehler aufgetreten: Zugriff verweigert Weitere Informationen finden Sie im Hilfethema "about_Remote_Troubleshooting".'
        User = 'Benutzer'
        Group = 'Gruppe'
    }
}

# The lab's display language: lab.json `locale` (en-US when absent or unknown).
function Get-LabLocale {
    $locale = [string](Get-LabProp (Get-LabConfig) 'locale' 'en-US')
    if (-not $script:LabTexts.ContainsKey($locale)) { $locale = 'en-US' }
    return $locale
}

function Get-LabText([string]$Key, [object[]]$Values = @()) {
    $text = $script:LabTexts[(Get-LabLocale)][$Key]
    if ($Values.Count -eq 0) { return $text }
    return $text -f $Values
}
