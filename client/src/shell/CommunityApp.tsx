export default function CommunityApp() {
  return <div>…</div>;
}
