// Bundles the rich-text editor into ../wwwroot/dist (git-ignored). Run by the module's .csproj through `npm run build`.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const here = path.dirname(fileURLToPath(import.meta.url))
const outdir = path.resolve(here, '..', 'wwwroot', 'dist')

const common = {
  absWorkingDir: here,
  bundle: true,
  minify: true,
  target: 'es2020',
  logLevel: 'warning',
}

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/editor.js'],
    outfile: path.join(outdir, 'editor.js'),
    format: 'iife',
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
  }),
  build({
    ...common,
    entryPoints: ['src/editor.css'],
    outfile: path.join(outdir, 'editor.css'),
  }),
])
