import { useState } from 'preact/hooks';
import { base, Link } from '../router';
import { Loading, useApi, when } from '../ui';
import { PauseResume } from '../person/actions';
import { Facts, outreachFacts } from '../person/facts';
import { TimelinePanel } from '../person/timeline';
import type { RespondentView, Timeline } from '../person/person-types';
import '../person/person.css';
import { Card, PersonHead } from '../person/card';

// One survey respondent: where the outreach stands and why, their answers so far, an operator's
// pause and resume, and the timeline.

export function RespondentPage(props: { params: Record<string, string> }) {
  const { surveyId, respondentRef } = props.params;
  const path = `/surveys/${encodeURIComponent(surveyId!)}/respondents/${encodeURIComponent(respondentRef!)}`;
  const view = useApi<RespondentView>(path);
  // The respondent's number and zone are stored beside the workflow: the timeline names them.
  const [person, setPerson] = useState<Timeline['person']>();
  const [round, setRound] = useState(0);
  const reload = () => {
    view.reload();
    setRound((r) => r + 1);
  };
  const zone = person?.timeZone ?? 'UTC';
  return (
    <Loading loaded={view}>
      {(state) => (
        <>
          <PersonHead title={`Respondent ${state.respondentRef}`}>
            in <Link href={`${base}/surveys/${encodeURIComponent(surveyId!)}`}>{surveyId}</Link>
          </PersonHead>
          <div class="grid">
            <Card id="status" title="Status">
              <Facts
                facts={[
                  person && ['Phone', person.phone],
                  person && ['Time zone', person.timeZone],
                  ...outreachFacts(state, zone),
                  state.invitedAt !== undefined && ['Invited', when(new Date(state.invitedAt).toISOString(), zone)],
                  state.completedAt !== undefined && ['Completed', when(new Date(state.completedAt).toISOString(), zone)],
                  state.followUp && ['Follow-up', state.followUp.reason],
                ]}
              />
              {state.outcome === undefined && (
                <div class="actions">
                  <PauseResume base={path} paused={state.paused} who="this respondent" onDone={reload} />
                </div>
              )}
            </Card>
            <Answers answers={state.answers} />
          </div>
          <TimelinePanel key={round} path={`${path}/timeline`} onPerson={setPerson} />
        </>
      )}
    </Loading>
  );
}

function Answers(props: { answers: RespondentView['answers'] }) {
  return (
    <Card id="answers" title="Answers so far">
      {props.answers.length === 0 ? (
        <p class="muted">No answers yet.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Question</th>
                <th>Answer</th>
                <th>What was said</th>
                <th>By</th>
              </tr>
            </thead>
            <tbody>
              {props.answers.map((answer) => (
                <tr key={`${answer.questionId}/${answer.part}`}>
                  <td>
                    {answer.questionId}
                    {answer.part === 'probe' ? ' (follow-up)' : ''}
                  </td>
                  <td>{answer.value === null ? answer.outcome : typeof answer.value === 'object' ? JSON.stringify(answer.value) : String(answer.value)}</td>
                  <td>{answer.utterance}</td>
                  <td>{answer.channel === 'voice' ? 'call' : 'text'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
