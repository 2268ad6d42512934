// Shared Vite settings of the three screens: each is built into dist/<name> and served by the
// server under its base path.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const root = resolve(fileURLToPath(import.meta.url), '../..');

export function screenConfig(dir: string, base: string) {
  return defineConfig({
    root: resolve(root, dir),
    base,
    plugins: [preact()],
    logLevel: 'warn',
    build: { outDir: resolve(root, 'dist', dir), emptyOutDir: true, target: 'es2022' },
    server: { proxy: { '/api': { target: 'http://127.0.0.1:8080', ws: true } } },
  });
}
