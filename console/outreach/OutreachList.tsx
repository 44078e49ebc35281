import { Link } from '../router';
import { Loading, useApi, when } from '../ui';
import type { OutreachKind } from './kinds';
import { Pager, usePages, withQuery } from './paging';
import type { OutreachPage } from './wire';
import { PausedBadge } from './PausedBadge';
import { Table } from '../table';
import './outreach.css';

const pageSize = 50;

/** Every campaign (or survey), a page at a time, each linking to its own page. */
export function OutreachList(props: { kind: OutreachKind; heading: string }) {
  const { kind } = props;
  const pages = usePages<string>();
  const loaded = useApi<OutreachPage>(withQuery(kind.list, { limit: pageSize, after: pages.current }));
  return (
    <>
      <h1>{props.heading}</h1>
      <Loading loaded={loaded}>
        {(page) =>
          page.items.length === 0 && pages.first ? (
            <p>No {kind.name} yet: apply a document with <code>PUT {kind.list}</code> or <code>parley {kind.name}s apply</code>.</p>
          ) : (
            <>
              <Table caption={props.heading} columns={['Name', 'Id', { label: 'Version', num: true }, 'Status', 'Updated']}>
                {page.items.map((item) => (
                  <tr key={item.id}>
                    <td>
                      <Link href={`/console${kind.list}/${encodeURIComponent(item.id)}`}>{item.name}</Link>
                    </td>
                    <td>
                      <code>{item.id}</code>
                    </td>
                    <td class="num">{item.latestVersion}</td>
                    <td>
                      <PausedBadge paused={item.paused} />
                    </td>
                    <td>{when(item.updatedAt)}</td>
                  </tr>
                ))}
              </Table>
              <Pager pages={pages} next={page.next} label={`${kind.name}s`} />
            </>
          )
        }
      </Loading>
    </>
  );
}

export function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
