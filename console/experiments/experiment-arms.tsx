import type { ArmSummary, ExperimentReport } from '../../src/experiments/experiment-report';
import { api } from '../api';
import type { OutreachKindName } from '../outreach/kinds';
import { useCan } from '../session';
import { Table, type Column } from '../table';
import { ConfirmButton } from '../ui';

/** An experiment's arms: their share of new people, who was placed in each, and whether it still takes people; admins stop one here. */
export function ArmsTable(props: { experiment: ExperimentReport; kind: OutreachKindName; stopPath(armId: string): string; onStopped(): void }) {
  const { experiment } = props;
  const canStop = useCan('admin');
  // The campaign or survey refuses an experiment with every arm stopped, so the last running arm offers no Stop.
  const running = experiment.arms.filter((arm) => !arm.stopped).length;
  const columns: Column[] = ['Arm', { label: 'Weight', num: true }, { label: 'People', num: true }, { label: 'Moved out', num: true }, 'State', ...(canStop ? ['Action'] : [])];
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
          {canStop && <td>{!arm.stopped && running > 1 && <StopArm arm={arm} experimentId={experiment.id} kind={props.kind} path={props.stopPath(arm.id)} onStopped={props.onStopped} />}</td>}
        </tr>
      ))}
    </Table>
  );
}

function StopArm(props: { arm: ArmSummary; experimentId: string; kind: OutreachKindName; path: string; onStopped(): void }) {
  const { arm } = props;
  return (
    <ConfirmButton
      label={`Stop arm ${arm.id}`}
      danger
      question={`Stop arm ${arm.id} of ${props.experimentId}? It takes nobody new, and its ${arm.people} people move to the running arms at their next contact (each move is audited). This makes a new ${props.kind} version; the arm's results stay here.`}
      onConfirm={async () => {
        await api('POST', props.path);
        props.onStopped();
      }}
    />
  );
}
