// Fetch wrapper for the screens: JSON in and out, the contract's error body turned into an
// ApiError, a timeout so a dead server is noticed rather than waited on.
export class ApiError extends Error {
  /** `path`: the JSON pointer of the input field at fault, when the server names one. */
  constructor(public status: number, public code: string, message: string, public path?: string) { super(message); }
}

export async function api<T>(method: string, path: string, body?: unknown, token?: string | null, timeoutMs = 8000): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    throw new ApiError(0, 'offline', 'Server unreachable');
  }
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) throw new ApiError(res.status, json?.error ?? 'error', json?.message ?? res.statusText, json?.path);
  return json as T;
}
