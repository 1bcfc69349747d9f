import { useState } from 'react';
import { Alert } from '../../components/Field';
import { useClient } from 'urql';
import { errorMessage } from '../../lib/errors';
import { useSession } from '../../lib/session';
import { ExportMyDataDoc } from './operations';

/** Hands the browser a file to save, made from text in memory. */
function saveFile(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ExportDataSection() {
  const { me } = useSession();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  async function download() {
    setBusy(true);
    setError('');
    setDone('');
    const result = await client.query(ExportMyDataDoc, {}, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (!result.data) {
      setError(errorMessage(result.error));
      return;
    }
    const day = new Date().toISOString().slice(0, 10);
    saveFile(`friender-${me.username}-${day}.json`, JSON.stringify(JSON.parse(result.data.exportMyData), null, 2));
    setDone('Your data is downloaded. Photo links in it work for a few minutes.');
  }

  return (
    <section className="settings-section" aria-labelledby="settings-export-title">
      <h2 id="settings-export-title">Download my data</h2>
      <p>
        One JSON file with everything Friender stores about you: your account, profile, photos, the answers you gave,
        your matches with every message, and the blocks and reports you made.
      </p>
      <Alert>{error}</Alert>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void download()}>
          Download my data
        </button>
      </div>
      <p role="status" className="status-line">
        {busy ? 'Preparing your file…' : done}
      </p>
    </section>
  );
}
