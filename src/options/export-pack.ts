/** Downloads a pack as a JSON file through a Blob URL and a temporary `<a download>`. */
import type { Pack } from '../facts/types.ts';

export function exportPack(pack: Pack, doc: Document = document): void {
  const blob = new Blob([JSON.stringify(pack, null, 2) + '\n'], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = `${pack.id}-${pack.version}.json`;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
