export function ReferencePanel() {
  return null;
}
