// Object model of the lab: the type names, property names and enum members of the real
// Microsoft.HyperV.PowerShell assembly (see hyperv-and-delegation.md §2), so scripts written
// against Hyper-V read the same properties here. C# 5 syntax only: Windows PowerShell 5.1's
// Add-Type compiles with the .NET Framework compiler.
using System;
using System.Collections.Generic;

namespace Microsoft.HyperV.PowerShell
{
    public enum MigrationAuthenticationType { CredSSP = 0, Kerberos = 1 }
    public enum VMMigrationPerformance { TCPIP = 0, Compression = 1, SMB = 2 }
    public enum VMSwitchType { Private = 0, Internal = 1, External = 2 }
    public enum ControllerType { IDE = 0, SCSI = 1, PMEM = 2 }
    public enum OperationType { MoveVirtualMachine = 0, ImportVirtualMachine = 1, MoveVirtualMachineAndStorage = 2 }
    public enum VMState { Other = 1, Running = 2, Off = 3, Stopping = 4, Saved = 6, Paused = 9, Starting = 10, Reset = 11 }
    // Member values from the HyperVDsc stub of the real module (Hyper-V 2.0.0.0).
    public enum VMOperationalStatus
    {
        Ok = 2, Degraded = 3, PredictiveFailure = 5, InService = 11, Dormant = 15, SupportingEntityInError = 16,
        ApplyingSnapshot = 23769, CreatingSnapshot = 32768, DeletingSnapshot = 32770, WaitingToStart = 32771,
        MergingDisks = 32772, ExportingVirtualMachine = 32773, MigratingVirtualMachine = 32774,
        BackingUpVirtualMachine = 32776, ModifyingUpVirtualMachine = 32777, StorageMigrationPhaseOne = 32778,
        StorageMigrationPhaseTwo = 32779, MigratingPlannedVm = 32780, CheckingCompatibility = 32781,
        ApplicationCriticalState = 32782, CommunicationTimedOut = 32783, CommunicationFailed = 32784,
        NoIommu = 32785, NoIovSupportInNic = 32786, SwitchNotInIovMode = 32787, IovBlockedByPolicy = 32788,
        IovNoAvailResources = 32789, IovGuestDriversNeeded = 32790, CriticalIoError = 32795
    }

    public class VMSecurity
    {
        public bool TpmEnabled { get; set; }
        public bool KsdEnabled { get; set; }
        public bool Shielded { get; set; }
        public bool EncryptStateAndVmMigrationTraffic { get; set; }
        public Guid VMId { get; set; }
        public string VMName { get; set; }
        public string ComputerName { get; set; }
    }

    public class VMGpuPartitionAdapter
    {
        public string Id { get; set; }
        public string Name { get; set; }
        public Guid VMId { get; set; }
        public string VMName { get; set; }
        public string ComputerName { get; set; }
    }

    // MemoryTotal and MemoryAvailable are in MB, as the real cmdlet reports them.
    public class VMHostNumaNode
    {
        public int NodeId { get; set; }
        public int[] ProcessorsAvailability { get; set; }
        public long MemoryAvailable { get; set; }
        public long MemoryTotal { get; set; }
        public string ComputerName { get; set; }
    }

    public class VMHost
    {
        public string Name { get; set; }
        public string ComputerName { get; set; }
        public bool IsDeleted { get; set; }
        public string FullyQualifiedDomainName { get; set; }
        public int LogicalProcessorCount { get; set; }
        public long MemoryCapacity { get; set; }
        public bool VirtualMachineMigrationEnabled { get; set; }
        public uint MaximumVirtualMachineMigrations { get; set; }
        public uint MaximumStorageMigrations { get; set; }
        public MigrationAuthenticationType VirtualMachineMigrationAuthenticationType { get; set; }
        public VMMigrationPerformance VirtualMachineMigrationPerformanceOption { get; set; }
        public bool UseAnyNetworkForMigration { get; set; }
        public bool NumaSpanningEnabled { get; set; }
        public string[] SupportedVmVersions { get; set; }
        public string VirtualHardDiskPath { get; set; }
        public string VirtualMachinePath { get; set; }
    }

    public class VMMigrationNetwork
    {
        public string Subnet { get; set; }
        public int? Priority { get; set; }
        public string ComputerName { get; set; }
        public bool IsDeleted { get; set; }
    }

    public class VMSwitch
    {
        public string Name { get; set; }
        public Guid Id { get; set; }
        public VMSwitchType SwitchType { get; set; }
        public string ComputerName { get; set; }
    }

    public class VMHostSupportedVersion
    {
        public string Name { get; set; }
        public Version Version { get; set; }
        public bool IsDefault { get; set; }
    }

    public class VMNetworkAdapterBase
    {
        public string Name { get; set; }
        public string VMName { get; set; }
        public string SwitchName { get; set; }
        public Guid? SwitchId { get; set; }
        public string MacAddress { get; set; }
        public string[] IPAddresses { get; set; }
        public bool IsManagementOs { get; set; }
        public Guid VMId { get; set; }
        public string ComputerName { get; set; }
    }

    public class VMNetworkAdapter : VMNetworkAdapterBase { }

    public class HardDiskDrive
    {
        public string Name { get; set; }
        public string Path { get; set; }
        public ControllerType ControllerType { get; set; }
        public int ControllerNumber { get; set; }
        public int ControllerLocation { get; set; }
        public int? DiskNumber { get; set; }
        public Guid VMId { get; set; }
        public string VMName { get; set; }
        public string ComputerName { get; set; }
    }

    public class DvdDrive
    {
        public string Name { get; set; }
        public string Path { get; set; }
        public string VMName { get; set; }
        public string ComputerName { get; set; }
    }

    public class VMSnapshot
    {
        public string Name { get; set; }
        public Guid Id { get; set; }
        public string VMName { get; set; }
        public string ComputerName { get; set; }
    }

    public class VMDriveController
    {
        public string Name { get; set; }
        public ControllerType ControllerType { get; set; }
        public int ControllerNumber { get; set; }
        public string VMName { get; set; }
        public string ComputerName { get; set; }
    }

    public class VMProcessor
    {
        public long Count { get; set; }
        public bool CompatibilityForMigrationEnabled { get; set; }
        public bool CompatibilityForOlderOperatingSystemsEnabled { get; set; }
        public Guid VMId { get; set; }
        public string VMName { get; set; }
        public string ComputerName { get; set; }
    }

    public class VirtualMachine
    {
        public string Name { get; set; }
        public Guid Id { get; set; }
        public string ComputerName { get; set; }
        public string Version { get; set; }
        public int Generation { get; set; }
        public VMState State { get; set; }
        public string Status { get; set; }
        public VMOperationalStatus? PrimaryOperationalStatus { get; set; }
        public VMOperationalStatus? SecondaryOperationalStatus { get; set; }
        public bool IsClustered { get; set; }
        public long MemoryAssigned { get; set; }
        public long MemoryDemand { get; set; }
        public long MemoryStartup { get; set; }
        public long MemoryMinimum { get; set; }
        public long MemoryMaximum { get; set; }
        public bool DynamicMemoryEnabled { get; set; }
        public long ProcessorCount { get; set; }
        public string Path { get; set; }
        public Guid? ParentSnapshotId { get; set; }
        public string ParentSnapshotName { get; set; }
        public HardDiskDrive[] HardDrives { get; set; }
        public DvdDrive[] DVDDrives { get; set; }
        public List<VMNetworkAdapter> NetworkAdapters { get; set; }
    }

    public class VMCompatibilityError
    {
        public string Message { get; set; }
        public long MessageId { get; set; }
        public object Source { get; set; }
    }

    public class VMCompatibilityReport
    {
        public VirtualMachine VM { get; set; }
        public OperationType OperationType { get; set; }
        public string Destination { get; set; }
        public string Path { get; set; }
        public string SnapshotPath { get; set; }
        public string VhdDestinationPath { get; set; }
        public string VhdSourcePath { get; set; }
        public VMCompatibilityError[] Incompatibilities { get; set; }
    }
}

namespace HyperVLab
{
    // The lab's open host sessions, one set per process: every runspace of a process (the pool's
    // and a fan-out's) imports its own copy of the module, but a real CIM session to a host is an
    // object of the process that all of them may use.
    public static class LabSessions
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTime> open =
            new System.Collections.Concurrent.ConcurrentDictionary<string, DateTime>(StringComparer.OrdinalIgnoreCase);

        public static bool IsOpen(string key) { return open.ContainsKey(key); }
        public static void Open(string key) { open[key] = DateTime.UtcNow; }
        public static bool Close(string key) { DateTime at; return open.TryRemove(key, out at); }
        public static string[] Keys() { return new List<string>(open.Keys).ToArray(); }
    }

    // Remote blocks found runnable (Assert-LabRemoteBlock), by their text, one set per process:
    // every runspace of a process runs the same set-up, so a block that passed in one passes in
    // all, and the check (a command look-up per name, a module-path search for each name this
    // computer lacks) is paid once per process, not once per runspace. Gate: one check at a time,
    // so the runspaces of a fan-out, all starting at once, wait for the first instead of each
    // checking the same block.
    public static class LabRemoteBlocks
    {
        public static readonly object Gate = new object();
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> runnable =
            new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        public static bool IsRunnable(string text) { return runnable.ContainsKey(text); }
        public static void MarkRunnable(string text) { runnable[text] = true; }
    }
}

// Get-VHD's output (module Hyper-V, type Microsoft.Vhd.PowerShell.VirtualHardDisk): the file's
// size on disk (FileSize, what a storage move copies) and the virtual size (Size). A drive
// (HardDiskDrive) carries no size at all on real Hyper-V.
namespace Microsoft.Vhd.PowerShell
{
    public enum VhdFormat { Unknown = 0, VHD = 2, VHDX = 3, VHDSet = 4 }
    public enum VhdType { Unknown = 0, Fixed = 2, Dynamic = 3, Differencing = 4 }

    public class VirtualHardDisk
    {
        public string ComputerName { get; set; }
        public string Path { get; set; }
        public VhdFormat VhdFormat { get; set; }
        public VhdType VhdType { get; set; }
        public ulong FileSize { get; set; }
        public ulong Size { get; set; }
        public ulong? MinimumSize { get; set; }
        public string ParentPath { get; set; }
        public int? DiskNumber { get; set; }
        public bool Attached { get; set; }
    }
}

// Get-SmbBandwidthLimit -Category (module SmbShare, a CDXML enum; HyperVLab.Smb.ps1). The docs
// name the type BandwidthLimitCategory; the namespace is the one CDXML gives its generated types.
namespace Microsoft.PowerShell.Cmdletization.GeneratedTypes.SmbBandwidthLimit
{
    public enum BandwidthLimitCategory : uint { Default = 0, VirtualMachine = 1, LiveMigration = 2, StorageReplication = 3 }
}
