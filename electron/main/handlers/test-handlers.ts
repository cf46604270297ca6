/**
 * IPC handlers for the simulated migration test: `test:run` runs it and keeps the report;
 * `test:report` renders the last report as one self-contained HTML file.
 */
import type { TestReport } from '../../core/model';
import { renderTestReportHtml } from '../../core/report';
import { runMigrationTest, type MigrationTestDeps } from '../../engine/migration-test';
import { UserFacingError, type Handler } from '../ipc-dispatch';

export interface TestHandlerDeps {
  /** Built per call: the directory may have been connected or dropped since the last test. */
  readonly testDeps: () => MigrationTestDeps;
  readonly locale?: 'en' | 'de';
}

export interface TestHandlers {
  readonly 'test:run': Handler<'test:run'>;
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
  return {
    'test:run': async (request) => {
      const report = await runMigrationTest(deps.testDeps(), {
        source: request.source,
        destination: request.destination,
        ...(request.vms ? { vms: request.vms } : {}),
        ...(request.hypothetical ? { hypothetical: request.hypothetical } : {}),
        ...(request.authentication ? { authentication: request.authentication } : {}),
      });
      last = report;
      return report;
    },
    'test:report': async (request) => {
      if (last === undefined) throw new UserFacingError('not-found', 'Run the migration test first; there is no report yet.');
      return { fileName: reportFileName(last), html: renderTestReportHtml(last, { locale: request.locale ?? deps.locale ?? 'en' }) };
    },
  };
}
