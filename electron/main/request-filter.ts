/**
 * Which URLs the renderer session may load: the app's own files (and, in development, the
 * local dev server). Everything else — any remote origin — is cancelled.
 */
export function isAllowedRequestUrl(rawUrl: string, appRoot: string, devOrigin: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'devtools:' || url.protocol === 'data:' || url.protocol === 'blob:') return true;
  if (url.protocol === 'file:') {
    const root = new URL(appRoot.endsWith('/') ? appRoot : `${appRoot}/`);
    return decodeURIComponent(url.pathname).startsWith(decodeURIComponent(root.pathname));
  }
  if (devOrigin !== undefined) {
    const dev = new URL(devOrigin);
    return url.origin === dev.origin && (dev.hostname === '127.0.0.1' || dev.hostname === 'localhost');
  }
  return false;
}
