/** The Discover workspace: connect (or lab), the pair, the group, the host list, typed-in hosts. */
import { ConnectForm } from './connect-form';
import { AddHosts } from './add-hosts';
import { HostTable } from './host-table';
import { PairPicker } from './pair-picker';
import { GroupBar } from '../group/group-bar';

export function DiscoverView() {
  return (
    <div data-testid="workspace-discover">
      <ConnectForm />
      <PairPicker />
      <GroupBar />
      <HostTable />
      <AddHosts />
    </div>
  );
}
