/**
 * Source | destination | desired, one row per setting; differences highlighted and the risks of
 * the desired value spelled out. A finding's fix focuses its row.
 */
import { useEffect, useMemo, useRef } from 'react';
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFerry } from '../../app/store-context';
import { factsFor } from '../../store/discovery-slice';
import { settingRows, type Cell } from '../../store/settings-rows';
import { SettingEditor } from './setting-editor';
import { RiskList } from './risk-list';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse' },
  th: { textAlign: 'left', padding: tokens.spacingVerticalS, borderBottom: `2px solid ${tokens.colorNeutralStroke1}` },
  td: { padding: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top' },
  differs: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  focus: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  entries: { margin: 0, paddingLeft: '1.2em', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

export function CellView(props: { readonly cell: Cell }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const c = props.cell;
  switch (c.kind) {
    case 'text':
      return <>{c.text}</>;
    case 'key':
      return <>{t(c.key)}</>;
    case 'unknown':
      return <>{t('value.unknown')}</>;
    case 'delegation':
      return (
        <>
          <ul className={styles.entries}>
            {c.view.entries.map((e) => (
              <li key={e.spn}>
                {e.present ? '✓ ' : '✗ '}
                {e.spn}
                <span className="sr-only">{e.present ? t('value.present') : t('value.missing')}</span>
              </li>
            ))}
          </ul>
          <div>
            {t('configure.anyProtocol')}: {c.view.anyProtocol === undefined ? t('value.unknown') : c.view.anyProtocol ? t('value.on') : t('value.off')}
          </div>
        </>
      );
  }
}

export function SettingsGrid() {
  const { t } = useTranslation();
  const styles = useStyles();
  const source = useFerry((s) => s.source);
  const destination = useFerry((s) => s.destination);
  const facts = useFerry((s) => s.facts);
  const hosts = useFerry((s) => s.hosts);
  const desired = useFerry((s) => s.desired);
  const delegation = useFerry((s) => s.delegation);
  const focusRow = useFerry((s) => s.focusRow);
  const dnsDomain = useFerry((s) => s.directory?.dnsDomain);
  const focused = useRef<HTMLTableRowElement>(null);

  const rows = useMemo(() => {
    if (!source || !destination || !desired) return [];
    const account = (n: string) => hosts.find((h) => h.account.name.toUpperCase() === n.toUpperCase())?.account;
    return settingRows({
      sourceName: source,
      destinationName: destination,
      sourceFacts: factsFor(facts, source),
      destinationFacts: factsFor(facts, destination),
      sourceAccount: account(source),
      destinationAccount: account(destination),
      desired,
      delegation,
      dnsDomain,
    });
  }, [source, destination, facts, hosts, desired, delegation, dnsDomain]);

  useEffect(() => {
    if (focusRow && focused.current) {
      focused.current.scrollIntoView({ block: 'center' });
      focused.current.focus();
    }
  }, [focusRow, rows.length]);

  if (!source || !destination || !desired) return null;
  return (
    <table className={styles.table} data-testid="settings-grid">
      <caption className="sr-only">{t('configure.gridCaption', { source, destination })}</caption>
      <thead>
        <tr>
          <th className={styles.th} scope="col">{t('configure.setting')}</th>
          <th className={styles.th} scope="col">{t('configure.currentOn', { host: source })}</th>
          <th className={styles.th} scope="col">{t('configure.currentOn', { host: destination })}</th>
          <th className={styles.th} scope="col">{t('configure.desired')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const labelId = `row-label-${r.id}`;
          const isFocus = focusRow === r.id;
          return (
            <tr
              key={r.id}
              ref={isFocus ? focused : undefined}
              tabIndex={isFocus ? -1 : undefined}
              className={`${r.differs ? styles.differs : ''} ${isFocus ? styles.focus : ''}`}
              data-testid={`setting-row-${r.id}`}
              data-differs={r.differs}
            >
              <th className={styles.td} scope="row" id={labelId} style={{ textAlign: 'left' }}>
                {t(`configure.row.${r.id}`, { source, destination })}
                {r.differs ? (
                  <>
                    {' '}
                    <Badge appearance="tint" color="warning">{t('configure.differs')}</Badge>
                  </>
                ) : null}
              </th>
              <td className={styles.td}><CellView cell={r.source} /></td>
              <td className={styles.td}><CellView cell={r.destination} /></td>
              <td className={styles.td}>
                <SettingEditor row={r.id} labelId={labelId} />
                <RiskList risks={r.risks} testId={`risks-${r.id}`} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
