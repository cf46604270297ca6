/**
 * IPC handlers for the simulated migration test: `test:run` runs it and keeps the report;
 * `test:cancel` stops the running one (its PowerShell calls included, so a cancelled test of a
 * thousand VMs does not keep the pool busy); `test:report` renders the last report as one
 * self-contained HTML file.
 */
import type { TestReport } from '../../core/model';
import { renderTestReportHtml } from '../../core/report';
import { MigrationTestCancelled, runMigrationTest, type MigrationTestDeps } from '../../engine/migration-test';
import { cancelGroup } from '../abort-signals';
import { UserFacingError, type Handler } from '../ipc-dispatch';

export interface TestHandlerDeps {
  /** Built per call (the directory may have been connected or dropped since), bound to its signal. */
  readonly testDeps: (signal: AbortSignal) => MigrationTestDeps;
  readonly locale?: 'en' | 'de';
}

export interface TestHandlers {
  readonly 'test:run': Handler<'test:run'>;
  readonly 'test:cancel': Handler<'test:cancel'>;
  readonly 'test:report': Handler<'test:report'>;
}

/** A file name from host names (already validated) and the time, with nothing a file system dislikes. */
export function reportFileName(report: TestReport): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9.-]/g, '_').slice(0, 64);
  const stamp = report.startedAt.replace(/[:]/g, '-').replace(/\.\d+Z$/, 'Z');
  return `ferry-test-${safe(report.source)}-${safe(report.destination)}-${safe(stamp)}.html`;
}

export function createTestHandlers(deps: TestHandlerDeps): TestHandlers {
  let last: TestReport | undefined;
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
          }, test);
          last = report;
          return report;
        } catch (error) {
          if (error instanceof MigrationTestCancelled) throw new UserFacingError('cancelled', 'The migration test was cancelled; no report was made.');
          throw error;
        }
      });
    },
    'test:cancel': async () => ({ cancelled: running.cancel() }),
    'test:report': async (request) => {
      if (last === undefined) throw new UserFacingError('not-found', 'Run the migration test first; there is no report yet.');
      return { fileName: reportFileName(last), html: renderTestReportHtml(last, { locale: request.locale ?? deps.locale ?? 'en' }) };
    },
  };
}
