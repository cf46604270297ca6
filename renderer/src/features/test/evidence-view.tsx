/**
 * A finding's evidence: what compares the two hosts in source | destination columns with the
 * differing value highlighted (as Configure does), the rest as label: value lines.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { EvidenceLine } from '../../../../electron/core/preflight/evidence-texts';
import { splitEvidenceSides } from '../../../../electron/core/preflight/evidence-sides';

const useStyles = makeStyles({
  lines: { margin: `${tokens.spacingVerticalXXS} 0`, fontSize: tokens.fontSizeBase200 },
  table: { borderCollapse: 'collapse', margin: `${tokens.spacingVerticalXXS} 0`, fontSize: tokens.fontSizeBase200 },
  cell: { padding: `1px ${tokens.spacingHorizontalS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, textAlign: 'left', verticalAlign: 'top' },
  differs: { backgroundColor: tokens.colorPaletteYellowBackground1, fontWeight: tokens.fontWeightSemibold },
});

export function EvidenceView(props: { readonly lines: readonly EvidenceLine[]; readonly hosts: readonly [string, string] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { sides, rest } = splitEvidenceSides(props.lines);
  return (
    <>
      {sides.length > 0 ? (
        <table className={styles.table} data-testid="evidence-sides">
          <thead>
            <tr>
              <th className={styles.cell} scope="col"><span className="sr-only">{t('results.sides.value')}</span></th>
              <th className={styles.cell} scope="col">{t('results.sides.source', { host: props.hosts[0] })}</th>
              <th className={styles.cell} scope="col">{t('results.sides.destination', { host: props.hosts[1] })}</th>
            </tr>
          </thead>
          <tbody>
            {sides.map((s) => (
              <tr key={s.key} data-differs={s.differs} data-side={s.key}>
                <th className={styles.cell} scope="row">{s.label || t('results.sides.value')}</th>
                <td className={mergeClasses(styles.cell, s.differs && styles.differs)}>{s.source}</td>
                <td className={mergeClasses(styles.cell, s.differs && styles.differs)}>{s.destination}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {rest.length > 0 ? (
        <dl className={styles.lines}>
          {rest.map((line) => (
            <div key={line.key} data-evidence={line.key}>
              <dt style={{ display: 'inline', fontWeight: 600 }}>{line.label}: </dt>
              <dd style={{ display: 'inline', margin: 0 }}>{line.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </>
  );
}
