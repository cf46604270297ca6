/** Test for a group: every ordered pair at once, the readiness matrix, one pair's findings, the HTML report. */
import { useMemo } from 'react';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Busy } from '../../app/busy';
import { saveText } from '../../app/download';
import { useActions, useFerry } from '../../app/store-context';
import { formatDateTime, type Lang } from '../../i18n/format';
import type { TestReport } from '../../../../electron/core/model';
import { summarize } from '../../../../electron/core/preflight/verdict';
import { vmReadiness } from '../../../../electron/core/preflight/vm-readiness';
import { TestResults } from '../test/test-results';
import { VerdictBanner } from '../test/verdict-banner';
import { ReadinessMatrix } from './readiness-matrix';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap', marginBottom: tokens.spacingVerticalM },
});

export function GroupTestView() {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const group = useFerry((s) => s.group);
  const matrix = useFerry((s) => s.matrix);
  const cell = useFerry((s) => s.cell);
  const cellReport = useFerry((s) => s.cellReport);
  const lang = useFerry((s) => s.language);
  const counts = useMemo(() => {
    const c = { ready: 0, warnings: 0, blocked: 0 };
    for (const x of matrix?.cells ?? []) c[x.verdict] += 1;
    return c;
  }, [matrix]);

  return (
    <div data-testid="workspace-test">
      <h2>{t('group.test.title', { count: group.length })}</h2>
      <div className={styles.bar}>
        <Button appearance="primary" disabled={group.length < 2} onClick={() => void actions.runGroupTest()} data-testid="run-group-test">
          {t('group.test.run')}
        </Button>
        <Button disabled={!matrix} onClick={() => void actions.exportReport().then((r) => r && saveText(r.fileName, r.html, 'text/html'))} data-testid="export-report">
          {t('test.exportReport')}
        </Button>
        <Busy op="test" label={t('ops.test')} />
      </div>
      {matrix ? (
        <section aria-labelledby="matrix-heading" data-testid="group-results">
          <h3 id="matrix-heading">{t('group.test.matrix')}</h3>
          <p>{t('test.ranAt', { when: formatDateTime(matrix.startedAt, lang), who: matrix.ranBy })}</p>
          <p role="status" data-testid="matrix-summary">
            {t('group.test.summary', { ...counts, total: matrix.cells.length })}
          </p>
          {matrix.hosts.filter((h) => h.status !== 'ok').map((h) => (
            <MessageBar key={h.computerName} intent="error">
              <MessageBarBody>{t('group.test.hostDown', { host: h.computerName, status: t(`status.${h.status}`) })} {h.error?.message ?? ''}</MessageBarBody>
            </MessageBar>
          ))}
          {!matrix.compareVm ? <p role="note">{t('group.test.compareSkipped')}</p> : null}
          <p>{t('group.test.keys')}</p>
          <ReadinessMatrix summary={matrix} open={cell} onOpen={(s, d) => void actions.openCell(s, d)} />
        </section>
      ) : null}
      {cell ? (
        <section aria-labelledby="cell-heading" data-testid="cell-findings">
          <h3 id="cell-heading">{t('group.test.open', cell)}</h3>
          <div className={styles.bar}>
            <Button onClick={() => actions.closeCell()} data-testid="close-cell">
              {t('group.test.close')}
            </Button>
            <Busy op="cell" label={t('ops.cell')} />
          </div>
          {cellReport ? <PairResults report={cellReport} lang={lang} /> : null}
        </section>
      ) : null}
    </div>
  );
}

/** One cell's findings, read as the pair test's are: verdict first, failures first. */
function PairResults(props: { readonly report: TestReport; readonly lang: Lang }) {
  const { report, lang } = props;
  const summary = useMemo(() => summarize(report.findings), [report]);
  const vms = useMemo(() => vmReadiness(report.findings, report.hosts[0]?.vms ?? []), [report]);
  return (
    <>
      <VerdictBanner report={report} summary={summary} vms={vms} lang={lang} />
      <TestResults report={report} summary={summary} vms={vms} lang={lang} />
    </>
  );
}
