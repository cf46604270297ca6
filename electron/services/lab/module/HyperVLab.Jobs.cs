// The job Move-VM -AsJob returns in the lab: a PowerShell job in the caller's job repository, so
// Get-Job, Wait-Job, Receive-Job and Stop-Job work on it as on Hyper-V's own. Its timeline
// (start, the moment the outcome is decided, the model's total time) is fixed by Move-VM; the
// lab state follows the same timeline (HyperVLab.Move.ps1), so a job and the hosts never
// disagree. Stop-Job before the decided moment writes the stop time next to the migration's
// record, which makes the move cancelled: the VM stays on the source.
// C# 5 syntax only (Windows PowerShell 5.1 compiles it); appended to HyperVLab.Types.cs, so the
// usings sit inside the namespace.
namespace HyperVLab
{
    using System;
    using System.IO;
    using System.Management.Automation;
    using System.Runtime.InteropServices;
    using System.Threading;

    public class MigrationJob : Job
    {
        private readonly object gate = new object();
        private readonly long startTicks;
        private readonly long decideTicks;
        private readonly long totalTicks;
        private readonly string failMessage;
        private readonly int failHResult;
        private readonly string stopPath;
        private readonly string vmName;
        private readonly string source;
        private Timer timer;
        private int lastPercent = -1;
        private string status = "Running";

        /// failMessage null: the move succeeds at decideTicks; otherwise it fails then with this text and HRESULT.
        public MigrationJob(string command, string vmName, string source, long startTicks, long decideTicks, long totalTicks,
            string failMessage, int failHResult, string stopPath)
            : base(command, "Move-VM")
        {
            this.vmName = vmName;
            this.source = source;
            this.startTicks = startTicks;
            this.decideTicks = decideTicks;
            this.totalTicks = Math.Max(1, totalTicks);
            // PowerShell passes $null to a string parameter as "": both mean success.
            this.failMessage = string.IsNullOrEmpty(failMessage) ? null : failMessage;
            this.failHResult = failHResult;
            this.stopPath = stopPath;
            SetJobState(JobState.Running);
            timer = new Timer(Tick, null, 0, 25);
        }

        public override bool HasMoreData { get { return Output.Count > 0 || Error.Count > 0; } }
        public override string Location { get { return source; } }
        public override string StatusMessage { get { return status; } }

        private static bool IsOver(JobState s)
        {
            return s == JobState.Completed || s == JobState.Failed || s == JobState.Stopped;
        }

        private void Report(long now)
        {
            long upTo = Math.Min(now, decideTicks);
            int percent = (int)Math.Max(0, Math.Min(100, (upTo - startTicks) * 100 / totalTicks));
            if (failMessage == null && now >= decideTicks) percent = 100;
            if (percent == lastPercent) return;
            lastPercent = percent;
            ProgressRecord p = new ProgressRecord(0, "Move-VM", "Moving virtual machine '" + vmName + "'");
            p.PercentComplete = percent;
            Progress.Add(p);
        }

        // Called with the gate held: the decided outcome, once its moment has come.
        private void Finish()
        {
            if (timer != null) { timer.Dispose(); timer = null; }
            if (failMessage == null)
            {
                status = "Completed";
                SetJobState(JobState.Completed);
                return;
            }
            COMException ex = new COMException(failMessage, failHResult);
            Error.Add(new ErrorRecord(ex, "OperationFailed", ErrorCategory.OperationStopped, vmName));
            status = failMessage;
            SetJobState(JobState.Failed);
        }

        private void Tick(object state)
        {
            lock (gate)
            {
                if (IsOver(JobStateInfo.State)) return;
                long now = DateTime.UtcNow.Ticks;
                Report(now);
                if (now >= decideTicks) Finish();
            }
        }

        public override void StopJob()
        {
            lock (gate)
            {
                if (IsOver(JobStateInfo.State)) return;
                long now = DateTime.UtcNow.Ticks;
                if (now >= decideTicks)
                {
                    // Too late to cancel: the outcome was decided before the stop arrived.
                    Report(now);
                    Finish();
                    return;
                }
                File.WriteAllText(stopPath, now.ToString());
                if (timer != null) { timer.Dispose(); timer = null; }
                status = "Stopped";
                SetJobState(JobState.Stopped);
            }
        }
    }
}
