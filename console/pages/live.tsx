export function LivePage(_props: { params: Record<string, string> }) {
  return <h1>TODO LivePage</h1>;
}
