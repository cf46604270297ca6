/** The Discover workspace: connect (or lab), the host list, typed-in hosts, the pair. */
import { ConnectForm } from './connect-form';
import { AddHosts } from './add-hosts';
import { HostTable } from './host-table';
import { PairPicker } from './pair-picker';

export function DiscoverView() {
  return (
    <div data-testid="workspace-discover">
      <ConnectForm />
      <PairPicker />
      <HostTable />
      <AddHosts />
    </div>
  );
}
