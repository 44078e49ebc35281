export function QueuePage(_props: { params: Record<string, string> }) {
  return <h1>TODO QueuePage</h1>;
}
