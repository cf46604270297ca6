/**
 * IPC handlers for the simulated migration test: `test:run` tests a pair and keeps the report;
 * `test:group` tests a group and answers its readiness matrix, keeping every pair's findings in
 * main for `test:pair` (2,450 pairs of findings would not fit a message); `test:cancel` stops the
 * running one (its PowerShell calls included, so a cancelled test of a thousand VMs does not keep
 * the pool busy); `test:report` renders the last run as one self-contained HTML file.
 */
import type { GroupTestSummary, TestReport } from '../../core/model';
import { groupTestSpec, isGroupIssue } from '../../core/group';
import { renderGroupReportHtml, renderTestReportHtml } from '../../core/report';
import {
  MigrationTestCancelled,
  pairReport,
  runGroupTest,
  runMigrationTest,
  type GroupTestReport,
  type MigrationTestDeps,
} from '../../engine/migration-test';
import { cancelGroup } from '../abort-signals';
import { UserFacingError, type Handler } from '../ipc-dispatch';
import { handlerError } from './handler-error';

export interface TestHandlerDeps {
  /** Built per call (the directory may have been connected or dropped since), bound to its signal. */
  readonly testDeps: (signal: AbortSignal) => MigrationTestDeps;
  readonly locale?: 'en' | 'de';
}

export interface TestHandlers {
  readonly 'test:run': Handler<'test:run'>;
  readonly 'test:group': Handler<'test:group'>;
  readonly 'test:pair': Handler<'test:pair'>;
  readonly 'test:cancel': Handler<'test:cancel'>;
  readonly 'test:report': Handler<'test:report'>;
}

/** A file name from host names (already validated) and the time, with nothing a file system dislikes. */
export function reportFileName(report: TestReport): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9.-]/g, '_').slice(0, 64);
  const stamp = report.startedAt.replace(/[:]/g, '-').replace(/\.\d+Z$/, 'Z');
  return `ferry-test-${safe(report.source)}-${safe(report.destination)}-${safe(stamp)}.html`;
}

/** What the window gets of a group test: each host's state and the matrix. */
export function groupSummary(report: GroupTestReport): GroupTestSummary {
  return {
    startedAt: report.startedAt,
    ranBy: report.ranBy,
    hosts: report.hosts.map((h) => ({ computerName: h.computerName, status: h.status, ...(h.error ? { error: h.error } : {}) })),
    cells: [...report.cells],
    compareVm: !report.compareVmSkipped,
  };
}

type LastRun = { readonly kind: 'pair'; readonly report: TestReport } | { readonly kind: 'group'; readonly report: GroupTestReport };

export function createTestHandlers(deps: TestHandlerDeps): TestHandlers {
  let last: LastRun | undefined;
  const cancelled = () => handlerError('test-cancelled');
  // One test at a time: a new run supersedes (cancels) the one before, as the window does.
  const running = cancelGroup();
  return {
    'test:run': async (request, signal) => {
      running.cancel();
      return running.run(signal, async (test) => {
        try {
          const report = await runMigrationTest(deps.testDeps(test), {
            source: request.source,
            destination: request.destination,
            ...(request.vms ? { vms: request.vms } : {}),
            ...(request.hypothetical ? { hypothetical: request.hypothetical } : {}),
            ...(request.authentication ? { authentication: request.authentication } : {}),
            ...(request.compatibleBefore ? { compatibleBefore: request.compatibleBefore } : {}),
            ...storageChoice(request),
          }, test);
          last = { kind: 'pair', report };
          return report;
        } catch (error) {
          if (error instanceof MigrationTestCancelled) throw cancelled();
          throw error;
        }
      });
    },
    'test:group': async (request, signal) => {
      const spec = groupTestSpec(request);
      if (isGroupIssue(spec)) throw new UserFacingError('invalid-input', spec.message, spec.field, undefined, spec);
      running.cancel();
      return running.run(signal, async (test) => {
        try {
          const report = await runGroupTest(deps.testDeps(test), {
            hosts: spec.hosts,
            topology: spec.topology,
            ...(request.vms ? { vms: request.vms } : {}),
            ...(request.hypothetical ? { hypothetical: request.hypothetical } : {}),
            ...(request.authentication ? { authentication: request.authentication } : {}),
            ...storageChoice(request),
            ...(request.compareVm ? { compareVm: request.compareVm } : {}),
          }, test);
          last = { kind: 'group', report };
          return groupSummary(report);
        } catch (error) {
          if (error instanceof MigrationTestCancelled) throw cancelled();
          throw error;
        }
      });
    },
    // source and destination were checked at the gate (HostNameSchema).
    'test:pair': async ({ source, destination }) => {
      if (last?.kind === 'pair' && last.report.source.toLowerCase() === source.toLowerCase() && last.report.destination.toLowerCase() === destination.toLowerCase()) return last.report;
      if (last?.kind !== 'group') throw handlerError('no-matrix');
      try {
        return pairReport(last.report, { source, destination });
      } catch {
        throw handlerError('pair-not-covered', { source, destination });
      }
    },
    'test:cancel': async () => ({ cancelled: running.cancel() }),
    'test:report': async (request) => {
      if (last === undefined) throw handlerError('no-report');
      const locale = request.locale ?? deps.locale ?? 'en';
      if (last.kind === 'pair') return { fileName: reportFileName(last.report), html: renderTestReportHtml(last.report, { locale }) };
      const g = last.report;
      return {
        fileName: `ferry-matrix-${g.hosts.length}-hosts-${g.startedAt.replace(/[:]/g, '-').replace(/\.\d+Z$/, 'Z')}.html`,
        html: renderGroupReportHtml({ startedAt: g.startedAt, ranBy: g.ranBy, hosts: g.hosts.map((h) => h.computerName), cells: g.cells }, { locale }),
      };
    },
  };
}

/** Shared-nothing choices as the engine takes them (the schema already refused a path without includeStorage). */
function storageChoice(request: { readonly includeStorage?: boolean; readonly destinationStoragePath?: string }) {
  return {
    ...(request.includeStorage !== undefined ? { includeStorage: request.includeStorage } : {}),
    ...(request.destinationStoragePath !== undefined ? { destinationStoragePath: request.destinationStoragePath } : {}),
  };
}
