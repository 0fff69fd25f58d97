import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { checkServerUrl, OfflineError } from './transport.ts';

// Raw bytes to and from the server's blob endpoint (server/blobs/routes.ts): chunks go as
// application/octet-stream, not as JSON, so a 1 MB chunk crosses as 1 MB. Same rules as the JSON
// transport: https:// (or http:// to this machine), the center's CA when it has one, a deadline per
// request, and a connection that breaks is an OfflineError (the next sync resumes where it stopped).

export interface BlobAnswer {
  status: number;
  body: Buffer;
}

export interface BlobHttp {
  request(
    method: 'GET' | 'PUT' | 'POST',
    path: string,
    token: string | undefined,
    body?: Uint8Array,
  ): Promise<BlobAnswer>;
}

export function blobHttp(
  baseUrl: string,
  options: { ca?: string | null; timeoutMs?: number } = {},
): BlobHttp {
  const url = checkServerUrl(baseUrl);
  const base = url.toString().replace(/\/+$/, '');
  const secure = url.protocol === 'https:';
  const agent = secure
    ? new https.Agent({
        keepAlive: true,
        ...(options.ca ? { ca: [...tls.rootCertificates, options.ca] } : {}),
      })
    : new http.Agent({ keepAlive: true });
  const timeoutMs = options.timeoutMs ?? 60_000;
  return {
    request(method, path, token, body) {
      return new Promise<BlobAnswer>((resolve, reject) => {
        const req = (secure ? https : http).request(
          base + path,
          {
            method,
            agent,
            signal: AbortSignal.timeout(timeoutMs),
            headers: {
              ...(token ? { authorization: `Bearer ${token}` } : {}),
              ...(body ? { 'content-type': 'application/octet-stream', 'content-length': body.length } : {}),
            },
          },
          (res: IncomingMessage) => {
            const parts: Buffer[] = [];
            res.on('data', (c: Buffer) => parts.push(c));
            res.on('end', () => {
              if (!res.complete) reject(new OfflineError(`The connection to ${base} broke off.`));
              else resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts) });
            });
            res.on('error', (e) =>
              reject(new OfflineError(`The connection to ${base} broke off.`, { cause: e })),
            );
            res.on('aborted', () => reject(new OfflineError(`The connection to ${base} broke off.`)));
          },
        );
        req.on('error', (e) =>
          reject(new OfflineError(`The server at ${base} cannot be reached.`, { cause: e })),
        );
        req.end(body);
      });
    },
  };
}
