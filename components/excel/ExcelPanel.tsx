// Placeholder slot owned by the Excel work (issue 5): export/import/template controls for one draft in the editor.
export function ExcelPanel(_props: { draftId: string }) {
  return null;
}
