/**
 * The group's Configure grid: per setting the one desired value for every host and an
 * "n of N differ" cell that expands (a native disclosure, so keyboard and screen readers know it)
 * to each host's current value. Incoming networks can be one list all share or given per host;
 * delegation is a full mesh or hub-and-spoke with chosen hubs.
 */
import { useMemo } from 'react';
import { Badge, Checkbox, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useActions, useFerry } from '../../app/store-context';
import { CellView } from '../configure/settings-grid';
import { SettingEditor } from '../configure/setting-editor';
import { groupRows, type GroupCell, type GroupSettingRow } from '../../store/group-rows';
import { hostNetworkOverrides } from '../../store/group-slice';
import type { DelegationTopology } from '../../../../electron/core/group';
import type { ComputerAccount } from '../../../../electron/core/model';
import { RiskList } from '../configure/risk-list';

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse' },
  th: { textAlign: 'left', padding: tokens.spacingVerticalS, borderBottom: `2px solid ${tokens.colorNeutralStroke1}` },
  td: { padding: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top' },
  differs: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  hosts: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: '1.2em' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hostLine: { display: 'grid', gridTemplateColumns: 'minmax(80px, max-content) 1fr', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

function GroupCellView(props: { readonly cell: GroupCell }) {
  const { t } = useTranslation();
  const c = props.cell;
  if (c.kind === 'entries') return <>{t('group.configure.entries', { present: c.present, needed: c.needed })}</>;
  return <CellView cell={c} />;
}

function HostsCell(props: { readonly row: GroupSettingRow }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { row } = props;
  const total = row.hosts.length;
  return (
    <details data-testid={`group-hosts-${row.id}`}>
      <summary data-testid={`group-differ-${row.id}`}>
        {row.differing > 0 ? t('group.configure.differ', { count: row.differing, total }) : t('group.configure.allMatch', { total })}
      </summary>
      <ul className={styles.hosts}>
        {row.hosts.map((h) => (
          <li key={h.host} data-testid={`group-host-${row.id}-${h.host}`} data-differs={h.differs}>
            <strong>{h.host}</strong>: <GroupCellView cell={h.cell} />
            {h.differs ? (
              <>
                {' '}
                <Badge appearance="tint" color="warning">{t('configure.differs')}</Badge>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

function NetworksEditor(props: { readonly labelId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const mode = useFerry((s) => s.networkMode);
  const group = useFerry((s) => s.group);
  const hostNetworks = useFerry((s) => s.hostNetworks);
  return (
    <div className={styles.stack}>
      <RadioGroup value={mode} onChange={(_, d) => actions.setNetworkMode(d.value as 'shared' | 'perHost')} aria-label={t('group.configure.networkMode')} data-testid="group-network-mode">
        <Radio value="shared" label={t('group.configure.networkShared')} data-testid="group-network-shared" />
        <Radio value="perHost" label={t('group.configure.networkPerHost')} data-testid="group-network-perhost" />
      </RadioGroup>
      {mode === 'shared' ? (
        <SettingEditor row="networks" labelId={props.labelId} />
      ) : (
        group.map((h) => (
          <label key={h} className={styles.hostLine}>
            <span>{h}</span>
            <Input
              aria-label={t('group.configure.networkFor', { host: h })}
              value={hostNetworks[h.toUpperCase()] ?? ''}
              onChange={(_, d) => actions.setHostNetwork(h, d.value)}
              data-testid={`group-network-${h}`}
            />
          </label>
        ))
      )}
    </div>
  );
}

function DelegationEditor() {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const enabled = useFerry((s) => s.delegation.enabled);
  const topology = useFerry((s) => s.topology);
  const hubs = useFerry((s) => s.hubs);
  const group = useFerry((s) => s.group);
  return (
    <div className={styles.stack}>
      <SettingEditor row="delegationForward" labelId="row-label-delegation" />
      <RadioGroup value={topology} disabled={!enabled} onChange={(_, d) => actions.setTopology(d.value as DelegationTopology['kind'])} aria-label={t('group.configure.topology')} data-testid="group-topology">
        <Radio value="mesh" label={t('group.configure.mesh')} data-testid="group-topology-mesh" />
        <Radio value="hub" label={t('group.configure.hub')} data-testid="group-topology-hub" />
      </RadioGroup>
      {enabled && topology === 'hub' ? (
        <fieldset>
          <legend>{t('group.configure.hubs')}</legend>
          {group.map((h) => (
            <Checkbox key={h} checked={hubs.includes(h)} onChange={() => actions.toggleHub(h)} label={h} aria-label={t('group.configure.hubFor', { host: h })} data-testid={`group-hub-${h}`} />
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}

export function GroupSettingsGrid() {
  const { t } = useTranslation();
  const styles = useStyles();
  const group = useFerry((s) => s.group);
  const facts = useFerry((s) => s.facts);
  const hosts = useFerry((s) => s.hosts);
  const desired = useFerry((s) => s.desired);
  const enabled = useFerry((s) => s.delegation.enabled);
  const topology = useFerry((s) => s.topology);
  const hubs = useFerry((s) => s.hubs);
  const networkMode = useFerry((s) => s.networkMode);
  const hostNetworks = useFerry((s) => s.hostNetworks);
  const dnsDomain = useFerry((s) => s.directory?.dnsDomain);

  const rows = useMemo(() => {
    if (!desired) return [];
    const accounts: Record<string, ComputerAccount> = {};
    const wanted = new Set(group.map((g) => g.toUpperCase()));
    for (const h of hosts) if (wanted.has(h.account.name.toUpperCase())) accounts[h.account.name.toUpperCase()] = h.account;
    const top: DelegationTopology = topology === 'hub' ? { kind: 'hub', hubs } : { kind: 'mesh' };
    return groupRows({ hosts: group, facts, accounts, desired, hostNetworks: hostNetworkOverrides({ group, networkMode, hostNetworks }), delegation: { enabled, topology: top }, dnsDomain });
  }, [group, facts, hosts, desired, enabled, topology, hubs, networkMode, hostNetworks, dnsDomain]);

  if (!desired) return null;
  return (
    <table className={styles.table} data-testid="group-grid">
      <caption className="sr-only">{t('group.configure.caption', { count: group.length })}</caption>
      <thead>
        <tr>
          <th className={styles.th} scope="col">{t('configure.setting')}</th>
          <th className={styles.th} scope="col">{t('group.configure.hosts')}</th>
          <th className={styles.th} scope="col">{t('configure.desired')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const labelId = `row-label-${r.id}`;
          return (
            <tr key={r.id} className={r.differing > 0 ? styles.differs : ''} data-testid={`group-row-${r.id}`} data-differing={r.differing}>
              <th className={styles.td} scope="row" id={labelId} style={{ textAlign: 'left' }}>
                {r.id === 'delegation' ? t('group.row.delegation') : t(`configure.row.${r.id}`)}
              </th>
              <td className={styles.td}><HostsCell row={r} /></td>
              <td className={styles.td}>
                {r.id === 'networks' ? <NetworksEditor labelId={labelId} /> : r.id === 'delegation' ? <DelegationEditor /> : <SettingEditor row={r.id} labelId={labelId} />}
                <RiskList risks={r.risks} testId={`group-risks-${r.id}`} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
