import { useState } from 'react';
import { messageOf } from '../api';
import { useAction } from './problem';

/** Hands a downloaded file to the browser as if a link had been followed. */
export function saveFile(file: Blob, filename: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download by the time the next task runs.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Downloads a CSV the API answers (`format=csv`). A plain link would not carry the bearer token,
 * so the file is fetched through the client and handed over as a blob.
 */
export function CsvExportButton({
  fetchCsv,
  filename,
  label = 'Export CSV',
}: {
  fetchCsv: () => Promise<Blob>;
  filename: string;
  label?: string;
}) {
  const [error, setError] = useState<string | undefined>();
  // The message shows beside the button, not in a page's banner.
  const action = useAction({ show: (failure) => setError(messageOf(failure)), clear: () => setError(undefined) });
  const download = () =>
    action.run(async () => {
      saveFile(await fetchCsv(), filename);
    });
  return (
    <span className="csv-export">
      <button type="button" className="secondary" disabled={action.busy} onClick={download}>
        {label}
      </button>
      {error !== undefined && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </span>
  );
}
