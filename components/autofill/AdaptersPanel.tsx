// Placeholder slot owned by the autofill work (issue 3): the dashboard's "site adapters" tab.
export function AdaptersPanel() {
  return null;
}
