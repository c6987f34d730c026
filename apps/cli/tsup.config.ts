import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared';

const PACKAGES = fileURLToPath(new URL('../../packages/', import.meta.url));

/** Each berth package's exported names, and the source module each comes from (its `src/index.ts` re-exports). */
function packageExports(): Map<string, Map<string, string>> {
  const packages = new Map<string, Map<string, string>>();
  for (const dir of readdirSync(PACKAGES)) {
    let index: string;
    try {
      index = readFileSync(`${PACKAGES}${dir}/src/index.ts`, 'utf8');
    } catch {
      continue;
    }
    const origins = new Map<string, string>();
    for (const [, names = '', from = ''] of index.matchAll(
      /export\s+(?:type\s+)?\{([^}]*)\}\s*from\s*'(\.\/[^']+)'/g,
    )) {
      for (const name of names.split(',')) {
        const exported = name.replace(/^\s*type\s+/, '').trim();
        // a renamed re-export keeps going through the index
        if (exported !== '' && !exported.includes(' as ')) {
          origins.set(exported, `${PACKAGES}${dir}/src/${from.slice(2)}.ts`);
        }
      }
    }
    packages.set(`@berth/${dir}`, origins);
  }
  return packages;
}

/**
 * The packages' third-party dependencies (tar-fs, @balena/dockerignore…), left as imports: bundled into the ESM
 * executable, a CommonJS one fails at its first `require` of a Node module.
 */
function packageDependencies(): string[] {
  const names = new Set<string>();
  for (const dir of readdirSync(PACKAGES)) {
    let manifest: { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
    try {
      manifest = JSON.parse(readFileSync(`${PACKAGES}${dir}/package.json`, 'utf8'));
    } catch {
      continue;
    }
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      if (!name.startsWith('@berth/')) names.add(name);
    }
  }
  return [...names];
}

const BUILTINS = new Set(builtinModules);
/**
 * Built-in modules whose functions are loaded on their first call: a berth command that never hashes or reads a file
 * asynchronously does not pay for Node's crypto (about twenty internal modules) or fs/promises (readline with it).
 */
const LAZY_BUILTINS = new Set(['crypto', 'fs/promises', 'os', 'child_process']);
const BUILTIN = 'builtin:';

/** `import { a, b as c } from 'node:x'` → the same names from `builtin:x?a,b`, which exports only those. */
function builtinImport(statement: string, clause: string, name: string): string {
  if (!BUILTINS.has(name) || clause.startsWith('type ')) return statement;
  const named = clause.match(/\{([^}]*)\}/)?.[1] ?? '';
  const values = named
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !part.startsWith('type '))
    .map((part) => part.split(/\s+as\s+/)[0]);
  return `import ${clause} from '${BUILTIN}${name}?${values.join(',')}';`;
}

/**
 * The berth packages bundled from their sources, each named import taken from the module that defines it rather than
 * from the package's index: esbuild's code splitting puts everything a shared index re-exports into the chunk of its
 * first importer, so `berth ps` would load the whole of @berth/run-args because the dispatcher uses its FlagSet.
 */
function importsFromDefiningModules(): Plugin {
  const packages = packageExports();
  const importFrom = /import\s+(type\s+)?\{([^}]*)\}\s*from\s*'(@berth\/[^']+)';/g;
  return {
    name: 'imports-from-defining-modules',
    setup(build) {
      build.onResolve({ filter: /^@berth\/[^/]+$/ }, (args) =>
        packages.has(args.path)
          ? { path: `${PACKAGES}${args.path.slice('@berth/'.length)}/src/index.ts`, sideEffects: false }
          : undefined,
      );
      build.onLoad({ filter: /\/(apps\/cli|packages\/[^/]+)\/src\/.*\.ts$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        const contents = source.replace(importFrom, (statement, typeOnly, names: string, from: string) => {
          const origins = packages.get(from);
          if (typeOnly || !origins) return statement;
          const byModule = new Map<string, string[]>();
          for (const name of names.split(',').map((part) => part.trim())) {
            if (name === '') continue;
            const exported = name.replace(/^type\s+/, '').split(/\s+as\s+/)[0] ?? name;
            const module = origins.get(exported) ?? from;
            byModule.set(module, [...(byModule.get(module) ?? []), name]);
          }
          return [...byModule].map(([module, list]) => `import { ${list.join(', ')} } from '${module}';`).join(' ');
        });
        return {
          contents: contents.replace(/import\s+([^'";]*?)\s+from\s+'(?:node:)?([a-z_/]+)';/g, builtinImport),
          loader: 'ts',
        };
      });
    },
  };
}

/**
 * Node's built-in modules through `require`: an ESM import of one reads every export, getters included, and on Node
 * ≥ 22 `http.WebSocket` is a getter that loads all of undici (about 30 ms of a 35 ms bare start). The sources'
 * imports of `node:x` are renamed `builtin:x?names` as they load (tsup would otherwise leave them external), and each
 * such module reads only the names its importer takes.
 */
function builtinsThroughRequire(): Plugin {
  return {
    name: 'builtins-through-require',
    setup(build) {
      build.onResolve({ filter: /^builtin:/ }, (args) => ({
        path: args.path.slice(BUILTIN.length),
        namespace: 'builtin',
      }));
      build.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => {
        const [name = '', names = ''] = args.path.split('?');
        const wanted = names === '' ? [] : names.split(',');
        if (!LAZY_BUILTINS.has(name)) {
          return {
            contents: [
              `import { createRequire as requireFrom } from 'node:module';`,
              `const builtin = requireFrom(import.meta.url)('node:${name}');`,
              'export default builtin;',
              ...(wanted.length === 0 ? [] : [`export const { ${wanted.join(', ')} } = builtin;`]),
            ].join('\n'),
            loader: 'js',
          };
        }
        // functions only (a class must be the module's own for `new`, `extends` and `instanceof`)
        const lazy = wanted.map((each) => `export function ${each}(...args) { return builtin().${each}(...args); }`);
        return {
          contents: [
            `import { createRequire as requireFrom } from 'node:module';`,
            'let loaded;',
            `const builtin = () => (loaded ??= requireFrom(import.meta.url)('node:${name}'));`,
            ...lazy,
          ].join('\n'),
          loader: 'js',
        };
      });
    },
  };
}

const BIN_DIR = 'dist/bin';
const STALE_AFTER_MS = 60_000;

/**
 * Removes the chunks of earlier builds, a minute old, once this one is written. Cleaning before the build instead would leave no
 * executable for the seconds a build takes, and every test that runs it meanwhile would fail.
 */
async function removeStaleChunks(): Promise<void> {
  const metafile = `${BIN_DIR}/metafile-esm.json`;
  const { outputs } = JSON.parse(readFileSync(metafile, 'utf8')) as { outputs: object };
  rmSync(metafile);
  const current = new Set(Object.keys(outputs).map((path) => path.slice(path.lastIndexOf('/') + 1)));
  for (const file of readdirSync(BIN_DIR)) {
    const path = `${BIN_DIR}/${file}`;
    // a berth started just before this build may still load its command's chunk of the last one
    if (!current.has(file) && Date.now() - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path);
  }
}

export default defineConfig([
  // the two builds run at the same time: the library's clean of dist must not remove the executable's output
  { ...packageBuild, platform: 'node', clean: ['!bin/**'] },
  // The executable: ESM only, its shebang kept, the berth packages bundled in from their sources (one file to load,
  // not a dozen), and each command split into its own chunk, loaded when that command runs.
  {
    ...packageBuild,
    entry: { bin: 'src/bin.ts' },
    outDir: BIN_DIR,
    format: ['esm'],
    dts: false,
    clean: false,
    metafile: true,
    onSuccess: removeStaleChunks,
    platform: 'node',
    splitting: true,
    noExternal: [/^@berth\//],
    external: packageDependencies(),
    esbuildPlugins: [importsFromDefiningModules(), builtinsThroughRequire()],
  },
]);
