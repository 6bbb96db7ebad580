/** The owner's export, streamed to a file (the export page only; not in index.ts). */
export { download, type DownloadResult } from '../api/download';
