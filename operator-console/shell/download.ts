// An export (a report's CSV or XLSX, the audit log) fetched with the staff token and saved as a
// file, named as the server names it.
import { session } from './session';

/** GETs `path`, or POSTs `body` as JSON when there is one, and saves the answer; a refusal throws its message. */
export async function download(path: string, fallbackName: string, body?: unknown): Promise<void> {
  const headers: Record<string, string> = { authorization: `Bearer ${session.value?.token ?? ''}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, body === undefined ? { headers } : { method: 'POST', headers, body: JSON.stringify(body) });
  if (!res.ok) {
    const err = await res.json().catch(() => null) as { message?: string } | null;
    throw new Error(err?.message ?? res.statusText);
  }
  const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = named ?? fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
