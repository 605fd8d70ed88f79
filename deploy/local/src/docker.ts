import { request } from 'node:http';

/** The Docker engine's unix socket from DOCKER_HOST (unix://…) or the default path. */
export function dockerSocketPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const host = env.DOCKER_HOST;
  if (!host) return '/var/run/docker.sock';
  if (host.startsWith('unix://')) return host.slice('unix://'.length);
  return undefined; // tcp:// engines are not probed here
}

/**
 * True when a Docker engine answers `GET /_ping` with OK within timeoutMs. Probes the
 * engine, not the `docker` client binary (which can exist without an engine).
 */
export function dockerEngineReachable(timeoutMs = 1000, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const socketPath = dockerSocketPath(env);
  if (!socketPath) return Promise.resolve(false);
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve(res.statusCode === 200 && body.trim() === 'OK'));
    });
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}
