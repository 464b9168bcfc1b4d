/**
 * Serves the built single-page app from `dist/web`: real files as they are, every other non-API
 * GET path gets `index.html` so client-side routes survive a reload. Without a build, `/` explains
 * how to make one instead of answering 404.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export async function registerWebApp(app: FastifyInstance, webDir: string = DEFAULT_WEB_DIR): Promise<void> {
  const index = path.join(webDir, 'index.html');
  if (!existsSync(index)) {
    app.get('/', { config: { permission: 'public' } }, async (_request, reply) =>
      reply.type('text/plain').send('The Aisle web app is not built yet. Run `npm run build`, or start with `npm start`.'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false, maxAge: '1h' });
  const sendIndex = { config: { permission: 'public' as const } };
  app.get('/', sendIndex, async (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  app.get('/*', sendIndex, async (request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    if (pathname.startsWith('/api/')) {
      return reply.status(404).send({ error: { message: `no route ${request.method} ${pathname}` } });
    }
    const file = path.join(webDir, path.normalize(pathname));
    if (file.startsWith(webDir) && existsSync(file) && !file.endsWith(path.sep)) return reply.sendFile(path.relative(webDir, file));
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
