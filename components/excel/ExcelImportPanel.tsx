// Placeholder slot owned by the Excel work (issue 5): the dashboard's "import from Excel" tab.
export function ExcelImportPanel() {
  return null;
}
