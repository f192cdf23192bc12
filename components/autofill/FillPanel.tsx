// Placeholder slot owned by the autofill work (issue 3): the popup renders this below the draft list.
export function FillPanel(_props: { draftId: string | null }) {
  return null;
}
