/** ExcelJS loads when a spreadsheet is read or written, not with the page that offers it. */
export const xlsx = () => import('../../lib/xlsx');
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
