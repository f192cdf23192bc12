import { APP_NAME } from '../backup/backup';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../backup/format';
import type { FormData } from '../forms/types';
import type { DraftRow } from '../db/schema';

/**
 * A one-draft backup file (the documented backup format) holding the editor's in-memory data — what the "download
 * this draft" button saves when the database refused a write. Importing it on the settings page brings the draft back.
 */
export function draftFile(draft: DraftRow, title: string, data: FormData, appVersion: string, now = new Date()): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    app: { name: APP_NAME, version: appVersion },
    drafts: [
      {
        id: draft.id,
        formId: draft.formId,
        formVersion: draft.formVersion,
        title,
        data,
        // One past the stored rev: importing it over the stored draft counts as a newer version.
        rev: draft.rev + 1,
        createdAt: draft.createdAt,
        updatedAt: now.getTime(),
        archived: draft.archived,
        deletedAt: 0,
      },
    ],
    siteAdapters: [],
    rosters: [],
    settings: [],
    referenceLists: [],
    templates: [],
  };
}
