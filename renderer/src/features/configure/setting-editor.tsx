/** The "desired" editor of one Configure row. */
import { Checkbox, Input, Select, Switch } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useActions, useFerry } from '../../app/store-context';
import type { RowId } from '../../store/settings-rows';
import { parseNetworks } from '../../store/group-slice';
import type { AuthenticationType, PerformanceOption } from '../../../../electron/core/model';

export function SettingEditor(props: { readonly row: RowId; readonly labelId: string }) {
  const { t } = useTranslation();
  const actions = useActions();
  const desired = useFerry((s) => s.desired);
  const delegation = useFerry((s) => s.delegation);
  if (!desired) return null;
  const label = { 'aria-labelledby': props.labelId };
  switch (props.row) {
    case 'migrationEnabled':
      return <Switch {...label} checked={desired.virtualMachineMigrationEnabled} onChange={(_, d) => actions.setDesired({ virtualMachineMigrationEnabled: d.checked })} data-testid="edit-migrationEnabled" />;
    case 'maxLive':
    case 'maxStorage': {
      const key = props.row === 'maxLive' ? 'maximumVirtualMachineMigrations' : 'maximumStorageMigrations';
      return (
        <Input
          {...label}
          type="number"
          min={1}
          max={64}
          value={String(desired[key])}
          onChange={(_, d) => {
            const n = Number.parseInt(d.value, 10);
            if (Number.isInteger(n) && n >= 1 && n <= 64) actions.setDesired({ [key]: n });
          }}
          data-testid={`edit-${props.row}`}
          style={{ width: 90 }}
        />
      );
    }
    case 'networks': {
      const any = desired.networks === 'any';
      return (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          <Checkbox
            checked={any}
            label={t('configure.anyNetwork')}
            onChange={(_, d) => actions.setDesired({ networks: d.checked === true ? 'any' : [{ subnet: '10.0.0.0/24', priority: 1 }] })}
            data-testid="edit-networks-any"
          />
          {desired.networks !== 'any' ? (
            <Input
              aria-label={t('configure.networksInput')}
              defaultValue={desired.networks.map((n) => n.subnet).join(', ')}
              onBlur={(e) => {
                const list = parseNetworks(e.currentTarget.value);
                if (list.length > 0) actions.setDesired({ networks: list });
              }}
              data-testid="edit-networks"
            />
          ) : null}
        </div>
      );
    }
    case 'authentication':
      return (
        <Select {...label} value={desired.virtualMachineMigrationAuthenticationType} onChange={(_, d) => actions.setDesired({ virtualMachineMigrationAuthenticationType: d.value as AuthenticationType })} data-testid="edit-authentication">
          <option value="Kerberos">Kerberos</option>
          <option value="CredSSP">CredSSP</option>
        </Select>
      );
    case 'performance':
      return (
        <Select {...label} value={desired.virtualMachineMigrationPerformanceOption} onChange={(_, d) => actions.setDesired({ virtualMachineMigrationPerformanceOption: d.value as PerformanceOption })} data-testid="edit-performance">
          <option value="TCPIP">TCP/IP</option>
          <option value="Compression">Compression</option>
          <option value="SMB">SMB</option>
        </Select>
      );
    case 'delegationForward':
      return <Checkbox checked={delegation.enabled} label={t('configure.writeDelegation')} onChange={(_, d) => actions.setDelegation({ enabled: d.checked === true })} data-testid="edit-delegation" />;
    case 'delegationReverse':
      return <Checkbox checked={delegation.enabled && delegation.bothDirections} disabled={!delegation.enabled} label={t('configure.bothDirections')} onChange={(_, d) => actions.setDelegation({ bothDirections: d.checked === true })} data-testid="edit-delegation-both" />;
  }
}
