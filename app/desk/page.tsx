export default function DeskHome() {
  return <p>Desk placeholder</p>;
}
