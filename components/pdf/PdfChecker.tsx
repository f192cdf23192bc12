// Placeholder slot owned by the PDF work (issue 6): the dashboard's "check sealed PDF" tab.
export function PdfChecker(_props: { draftId?: string }) {
  return null;
}
