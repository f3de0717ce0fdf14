/**
 * Node's fetch has no cookie jar: this plays the browser's part, so code that relies on the admin's
 * portal session (`credentials: 'include'`) can run against the sandbox in Node (unit tests, bench).
 */
export function jarFetch(): typeof fetch {
  let cookie = '';
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(new Request(request, { headers }));
    const set = res.headers.getSetCookie();
    if (set.length > 0) cookie = set.map((c) => c.split(';')[0]).join('; ');
    return res;
  }) as typeof fetch;
}
