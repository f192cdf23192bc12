import { useLocale } from '../../lib/ui/hooks';
import { BackupZip } from './backup-zip-panel';
import { RecordsExport } from './records-export';
import { SpreadsheetImport } from './spreadsheet-import';
import './excel.css';

/** The dashboard's Excel tab: records and recommendation workbooks in, degree records out, the admin backup zip. */
export function ExcelImportPanel() {
  useLocale();
  return (
    <div class="excel-import stack">
      <SpreadsheetImport />
      <RecordsExport />
      <BackupZip />
    </div>
  );
}
