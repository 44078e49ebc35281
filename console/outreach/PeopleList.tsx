import { Link } from '../router';
import { Loading, useApi } from '../ui';
import type { OutreachKind } from './kinds';
import { capitalized } from './OutreachList';
import { Pager, usePages, withQuery } from './paging';
import { Table } from '../table';

const pageSize = 25;

/** The document's people (a campaign's debtors, a survey's respondents), a page at a time, each linking to their own page. */
export function PeopleList(props: { kind: OutreachKind; id: string }) {
  const { kind, id } = props;
  const pages = usePages<string>();
  const loaded = useApi<unknown>(withQuery(kind.peoplePath(id), { limit: pageSize, after: pages.current }));
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">{capitalized(kind.people)}</h2>
      <Loading loaded={loaded}>
        {(body) => {
          const page = kind.peoplePage(body);
          if (page.rows.length === 0 && pages.first) return <p>No {kind.people} yet.</p>;
          return (
            <>
              <Table caption={capitalized(kind.people)} columns={page.columns}>
                {page.rows.map((row) => (
                  <tr key={row.ref}>
                    <td>
                      <Link href={kind.personPage(id, row.ref)}>{row.ref}</Link>
                    </td>
                    {row.cells.map((cell, i) => (
                      <td key={i}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </Table>
              <Pager pages={pages} next={page.next} label={kind.people} />
            </>
          );
        }}
      </Loading>
    </section>
  );
}
