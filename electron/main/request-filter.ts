/**
 * Which URLs the renderer session may load: the app's own files (and, in development, the
 * local dev server). Everything else — any remote origin — is cancelled.
 */
import path from 'node:path';

export function isAllowedRequestUrl(rawUrl: string, appRoot: string, devOrigin: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.protocol === 'devtools:' || url.protocol === 'data:' || url.protocol === 'blob:') return true;
  if (url.protocol === 'file:') {
    if (url.host !== '') return false; // file://server/share is a network (UNC) path
    const root = fileUrlPath(new URL(appRoot.endsWith('/') ? appRoot : `${appRoot}/`));
    const file = fileUrlPath(url);
    return root !== undefined && file !== undefined && file.startsWith(root);
  }
  if (devOrigin !== undefined) {
    const dev = new URL(devOrigin);
    return url.origin === dev.origin && (dev.hostname === '127.0.0.1' || dev.hostname === 'localhost');
  }
  return false;
}

/**
 * The normalised, decoded path of a file: URL, or undefined when it hides something: NUL, or
 * encoded separators that a decode would turn into `..` segments the URL parser never saw.
 * Windows drive paths compare case-insensitively.
 */
function fileUrlPath(url: URL): string | undefined {
  if (/%(00|2f|5c)/i.test(url.pathname)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  const normal = path.posix.normalize(decoded.replace(/\\/g, '/'));
  const withSlash = url.pathname.endsWith('/') && !normal.endsWith('/') ? `${normal}/` : normal;
  return /^\/[a-zA-Z]:\//.test(withSlash) ? withSlash.toLowerCase() : withSlash;
}
