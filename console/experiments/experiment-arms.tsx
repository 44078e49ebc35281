import type { ArmSummary, ExperimentReport } from '../../src/experiments/experiment-report';
import { api } from '../api';
import type { OutreachKindName } from '../outreach/kinds';
import { useCan } from '../session';
import { Table, type Column } from '../table';
import { ConfirmButton } from '../ui';

/** What stopping an arm needs: the kind named in the question, the arm's stop path, who to tell after. */
export interface ArmStopping {
  kind: OutreachKindName;
  path(armId: string): string;
  onStopped(): void;
}

/**
 * An experiment's arms: their share of new people, who was placed in each, and whether it still
 * takes people. Given `stopping`, admins stop one here; without it the table only reads.
 */
export function ArmsTable(props: { experiment: ExperimentReport; stopping?: ArmStopping }) {
  const { experiment } = props;
  const isAdmin = useCan('admin');
  const stopping = isAdmin ? props.stopping : undefined;
  // The campaign or survey refuses an experiment with every arm stopped, so the last running arm offers no Stop.
  const running = experiment.arms.filter((arm) => !arm.stopped).length;
  const columns: Column[] = ['Arm', { label: 'Weight', num: true }, { label: 'People', num: true }, { label: 'Moved out', num: true }, 'State', ...(stopping ? ['Action'] : [])];
  return (
    <Table caption={`Arms of ${experiment.id}`} columns={columns}>
      {experiment.arms.map((arm) => (
        <tr key={arm.id}>
          <th scope="row">
            {arm.id}
            {arm.id === experiment.control && ' (control)'}
          </th>
          <td class="num">{arm.weight}</td>
          <td class="num">{arm.people}</td>
          <td class="num">{arm.movedOut}</td>
          <td>
            <span class={`state ${arm.stopped ? 'stopped' : 'running'}`}>{arm.stopped ? 'Stopped' : 'Running'}</span>
          </td>
          {stopping && <td>{!arm.stopped && running > 1 && <StopArm arm={arm} experimentId={experiment.id} stopping={stopping} />}</td>}
        </tr>
      ))}
    </Table>
  );
}

function StopArm(props: { arm: ArmSummary; experimentId: string; stopping: ArmStopping }) {
  const { arm, stopping } = props;
  return (
    <ConfirmButton
      label={`Stop arm ${arm.id}`}
      danger
      question={`Stop arm ${arm.id} of ${props.experimentId}? It takes nobody new, and its ${arm.people} people move to the running arms at their next contact (each move is audited). This makes a new ${stopping.kind} version; the arm's results stay here.`}
      onConfirm={async () => {
        await api('POST', stopping.path(arm.id));
        stopping.onStopped();
      }}
    />
  );
}
